package io.bouncedesk.domain;

import java.util.Locale;

/**
 * The fine-grained reason of a bounce, in the public vocabulary of the Sisimai project
 * (domain rules, section 5). {@link #code()} is the lower-case word stored and exported.
 */
public enum BounceReason {
    USERUNKNOWN(BounceCategory.UNKNOWN_USER),
    HASMOVED(BounceCategory.UNKNOWN_USER),
    SUSPEND(BounceCategory.UNKNOWN_USER),
    HOSTUNKNOWN(BounceCategory.BAD_DOMAIN),
    NOTACCEPT(BounceCategory.BAD_DOMAIN),
    MAILBOXFULL(BounceCategory.MAILBOX_FULL),
    SYSTEMFULL(BounceCategory.MAILBOX_FULL),
    SPAMDETECTED(BounceCategory.SPAM_REPUTATION),
    BLOCKED(BounceCategory.SPAM_REPUTATION),
    BADREPUTATION(BounceCategory.SPAM_REPUTATION),
    REQUIREPTR(BounceCategory.SPAM_REPUTATION),
    POLICYVIOLATION(BounceCategory.POLICY_AUTH),
    AUTHFAILURE(BounceCategory.POLICY_AUTH),
    SECURITYERROR(BounceCategory.POLICY_AUTH),
    REJECTED(BounceCategory.POLICY_AUTH),
    NORELAYING(BounceCategory.POLICY_AUTH),
    CONTENTERROR(BounceCategory.CONTENT),
    FILTERED(BounceCategory.CONTENT),
    MESGTOOBIG(BounceCategory.CONTENT),
    VIRUSDETECTED(BounceCategory.CONTENT),
    NOTCOMPLIANTRFC(BounceCategory.CONTENT),
    SPEEDING(BounceCategory.THROTTLED),
    TOOMANYCONN(BounceCategory.THROTTLED),
    EXCEEDLIMIT(BounceCategory.THROTTLED),
    EXPIRED(BounceCategory.TIMEOUT_NETWORK),
    NETWORKERROR(BounceCategory.TIMEOUT_NETWORK),
    SYSTEMERROR(BounceCategory.OTHER),
    MAILERERROR(BounceCategory.OTHER),
    SYNTAXERROR(BounceCategory.OTHER),
    ONHOLD(BounceCategory.OTHER),
    UNDEFINED(BounceCategory.OTHER),
    /** An ARF spam complaint: not a bounce, a complaint. */
    FEEDBACK(BounceCategory.OTHER),
    /** An auto-reply (RFC 3834): not a bounce. */
    VACATION(BounceCategory.OTHER),
    /** A success DSN: not a bounce. */
    DELIVERED(BounceCategory.OTHER);

    private final BounceCategory category;

    BounceReason(BounceCategory category) {
        this.category = category;
    }

    public BounceCategory category() {
        return category;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** False for feedback, vacation and delivered, which are reported by bounce sources but are no failure. */
    public boolean isFailure() {
        return this != FEEDBACK && this != VACATION && this != DELIVERED;
    }

    /**
     * Hard or soft by the rule of section 5: userunknown, hostunknown and hasmoved are hard;
     * notaccept is hard with a permanent (5xx / 5.x.x) status; everything else is soft.
     *
     * @param permanentStatus whether the SMTP reply code or enhanced status was permanent (5xx)
     */
    public BounceType type(boolean permanentStatus) {
        return switch (this) {
            case USERUNKNOWN, HOSTUNKNOWN, HASMOVED -> BounceType.HARD;
            case NOTACCEPT -> permanentStatus ? BounceType.HARD : BounceType.SOFT;
            default -> BounceType.SOFT;
        };
    }

    /** Parses a stored or imported code ("userunknown", "USERUNKNOWN"); unknown words give UNDEFINED. */
    public static BounceReason fromCode(String code) {
        if (code == null || code.isBlank()) {
            return UNDEFINED;
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNDEFINED;
        }
    }
}
