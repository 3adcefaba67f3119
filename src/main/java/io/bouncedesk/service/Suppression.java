package io.bouncedesk.service;

import io.bouncedesk.domain.NotSentReason;

import java.util.Optional;

/**
 * Suppression at send time (domain rules, section 3): the first matching reason wins, in the
 * order of {@link NotSentReason}. Nobody has to filter these contacts out by hand.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The facts the check needs about one contact and its current address. */
    public record Facts(boolean hardBounced, boolean globalBounced, boolean unsubscribed, boolean spamComplaint,
                        boolean confirmed, boolean validAddress, boolean purchasedList) {
    }

    public static Optional<NotSentReason> check(Facts f) {
        if (f.hardBounced()) {
            return Optional.of(NotSentReason.PREVIOUSLY_BOUNCED);
        }
        if (f.globalBounced()) {
            return Optional.of(NotSentReason.GLOBAL_BOUNCE);
        }
        if (f.unsubscribed()) {
            return Optional.of(NotSentReason.UNSUBSCRIBED);
        }
        if (f.spamComplaint()) {
            return Optional.of(NotSentReason.SPAM_COMPLAINT);
        }
        if (!f.confirmed()) {
            return Optional.of(NotSentReason.UNCONFIRMED);
        }
        if (!f.validAddress()) {
            return Optional.of(NotSentReason.INVALID_ADDRESS);
        }
        if (f.purchasedList()) {
            return Optional.of(NotSentReason.PURCHASED_LIST);
        }
        return Optional.empty();
    }
}
