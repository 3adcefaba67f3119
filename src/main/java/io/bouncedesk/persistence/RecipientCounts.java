package io.bouncedesk.persistence;

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
}
