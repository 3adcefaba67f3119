package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;

/** A marketing email about to be sent. The sending domain is the From address's domain. */
public record EmailDraft(String name, String subject, String fromName, String fromAddress) {

    public EmailDraft {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The email needs an internal name.");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("The email needs a subject.");
        }
        if (fromName == null || fromName.isBlank()) {
            throw new IllegalArgumentException("The email needs a From name.");
        }
        EmailAddress.parseValid(fromAddress);
    }

    public String sendingDomain() {
        return EmailAddress.of(fromAddress).domain();
    }
}
