package io.bouncedesk.service;

/** The conditions of an unbounce (domain rules, section 7), named as the command line prints them. */
public enum UnbounceRule {
    PERMISSION("Only Super admin and Marketing email users may unbounce contacts."),
    NO_SENDING_DOMAIN("The workspace has no connected email sending domain; connect one first."),
    NOT_BOUNCED("The contact's current address has not hard-bounced in this workspace."),
    GLOBAL_BOUNCE("The address bounced globally; it cannot be unbounced here. Contact platform support if it is legitimate."),
    ALREADY_UNBOUNCED("This contact was unbounced before; a contact can be unbounced only once."),
    PURCHASED_LIST("The contact comes from a purchased or third-party list; such contacts cannot be unbounced."),
    QUOTA_EXHAUSTED("This month's unbounce quota is used up."),
    NOT_CONFIRMED("Confirm that the email address is correct before unbouncing."),
    BAD_CREDENTIALS("Unknown user or wrong password.");

    private final String sentence;

    UnbounceRule(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
