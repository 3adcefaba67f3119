package io.bouncedesk.domain;

/**
 * Where a recipient of a marketing email ended up. DELIVERED, BOUNCED and PENDING together are
 * the attempted ("Sent") recipients; NOT_SENT were suppressed before sending.
 */
public enum RecipientOutcome {
    DELIVERED,
    BOUNCED,
    PENDING,
    NOT_SENT;

    public boolean attempted() {
        return this != NOT_SENT;
    }
}
