package io.bouncedesk.domain;

/** Why a recipient was suppressed at send time; declaration order is the order of checking (section 3). */
public enum NotSentReason {
    PREVIOUSLY_BOUNCED("Previously hard-bounced address"),
    GLOBAL_BOUNCE("Globally bounced address"),
    UNSUBSCRIBED("Unsubscribed"),
    SPAM_COMPLAINT("Previous spam complaint"),
    UNCONFIRMED("Double opt-in not confirmed"),
    INVALID_ADDRESS("Invalid address syntax"),
    PURCHASED_LIST("Contact from a purchased or third-party list");

    private final String label;

    NotSentReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
