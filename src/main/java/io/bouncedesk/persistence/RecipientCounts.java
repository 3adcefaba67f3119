package io.bouncedesk.persistence;

import io.bouncedesk.domain.RecipientTab;

/** The count behind every tab of the Recipients view (domain rules, section 3). */
public record RecipientCounts(long delivered, long hardBounced, long softBounced, long pending, long opened,
                              long clicked, long unsubscribed, long spam, long notSent) {

    public long bounced() {
        return hardBounced + softBounced;
    }

    /** Every recipient the platform attempted: Delivered + Bounced + Pending. */
    public long sent() {
        return delivered + bounced() + pending;
    }

    public long total() {
        return sent() + notSent;
    }

    /** The count of one tab. */
    public long of(RecipientTab tab) {
        return switch (tab) {
            case SENT -> sent();
            case DELIVERED -> delivered;
            case OPENED -> opened;
            case CLICKED -> clicked;
            case BOUNCED -> bounced();
            case PENDING -> pending;
            case UNSUBSCRIBED -> unsubscribed;
            case SPAM -> spam;
            case NOT_SENT -> notSent;
            case ALL -> total();
        };
    }
}
