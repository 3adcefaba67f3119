package io.bouncedesk.bounce.provider;

import java.util.Locale;

/** The email providers whose delivery-event exports BounceDesk can import. */
public enum ProviderFormat {
    SENDGRID("SendGrid"),
    SES("Amazon SES"),
    POSTMARK("Postmark"),
    MAILGUN("Mailgun");

    private final String label;

    ProviderFormat(String label) {
        this.label = label;
    }

    /** The provider's own spelling, for messages. */
    public String label() {
        return label;
    }

    /** Parses the name used on the command line and in settings: sendgrid, ses, postmark or mailgun. */
    public static ProviderFormat fromName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Provider name must not be null; use sendgrid, ses, postmark or mailgun");
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "sendgrid" -> SENDGRID;
            case "ses", "amazon-ses", "amazonses", "aws-ses" -> SES;
            case "postmark" -> POSTMARK;
            case "mailgun" -> MAILGUN;
            default -> throw new IllegalArgumentException(
                    "Unknown provider '" + name + "'; use sendgrid, ses, postmark or mailgun");
        };
    }
}
