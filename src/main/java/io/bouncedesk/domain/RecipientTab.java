package io.bouncedesk.domain;

import java.util.Locale;

/** The tabs of the Recipients view (domain rules, section 3); ALL is every recipient, for export. */
public enum RecipientTab {
    SENT("sent"),
    DELIVERED("delivered"),
    OPENED("opened"),
    CLICKED("clicked"),
    BOUNCED("bounced"),
    PENDING("pending"),
    UNSUBSCRIBED("unsubscribed"),
    SPAM("spam"),
    NOT_SENT("notsent"),
    ALL("all");

    private final String cliName;

    RecipientTab(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in node ids ({@code #tab-notsent}). */
    public String cliName() {
        return cliName;
    }

    public static RecipientTab fromCliName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (RecipientTab t : values()) {
            if (t.cliName.equals(n) || t.name().toLowerCase(Locale.ROOT).equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown tab '" + name
                + "'; use sent, delivered, opened, clicked, bounced, pending, unsubscribed, spam, notsent or all.");
    }
}
