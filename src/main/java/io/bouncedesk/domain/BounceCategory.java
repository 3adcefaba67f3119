package io.bouncedesk.domain;

/** The groups of bounce reasons people see (domain rules, section 5). */
public enum BounceCategory {
    UNKNOWN_USER("Unknown user"),
    BAD_DOMAIN("Bad domain"),
    MAILBOX_FULL("Mailbox full"),
    SPAM_REPUTATION("Spam / reputation"),
    POLICY_AUTH("Policy / authentication"),
    CONTENT("Content"),
    THROTTLED("Throttled"),
    TIMEOUT_NETWORK("Timeout / network"),
    OTHER("Other");

    private final String label;

    BounceCategory(String label) {
        this.label = label;
    }

    /** English label; the console translates through its bundles, this serves CSV and the CLI. */
    public String label() {
        return label;
    }
}
