package io.bouncedesk.domain;

/**
 * The one status of a contact, derived from its facts in this order (domain rules, section 2).
 * Only ACTIVE contacts are billable.
 */
public enum ContactStatus {
    SPAM_COMPLAINT,
    UNSUBSCRIBED,
    BOUNCED,
    UNCONFIRMED,
    ACTIVE;

    /**
     * @param spamComplaint   the contact marked an email as spam
     * @param unsubscribed    the contact unsubscribed
     * @param addressHardBounced the current address is hard-bounced here or globally
     * @param confirmed       double opt-in confirmed (or not required)
     */
    public static ContactStatus derive(boolean spamComplaint, boolean unsubscribed,
                                       boolean addressHardBounced, boolean confirmed) {
        if (spamComplaint) {
            return SPAM_COMPLAINT;
        }
        if (unsubscribed) {
            return UNSUBSCRIBED;
        }
        if (addressHardBounced) {
            return BOUNCED;
        }
        if (!confirmed) {
            return UNCONFIRMED;
        }
        return ACTIVE;
    }

    public boolean isBillable() {
        return this == ACTIVE;
    }
}
