package io.bouncedesk.service;

import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientCounts;

/** A sent email with its Recipients counts and health. */
public record EmailSummary(EmailRow email, RecipientCounts counts, EmailHealth health) {

    public double deliveredRate() {
        return counts.sent() == 0 ? 0 : (double) counts.delivered() / counts.sent();
    }
}
