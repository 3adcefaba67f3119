package io.bouncedesk.ui.shell;

import io.bouncedesk.service.EmailSummary;

/**
 * Where the console is: a section, or inside Marketing emails one email's recipients, or inside
 * Contacts one contact's record.
 *
 * @param email     the email whose recipients are shown; null elsewhere
 * @param contactId the contact asked for; null elsewhere
 */
public record Place(Section section, EmailSummary email, Long contactId, String contactLabel) {

    public static Place of(Section section) {
        return new Place(section, null, null, null);
    }

    public static Place recipients(EmailSummary email) {
        return new Place(Section.EMAILS, email, null, null);
    }

    public static Place contact(long contactId, String label) {
        return new Place(Section.CONTACTS, null, contactId, label);
    }
}
