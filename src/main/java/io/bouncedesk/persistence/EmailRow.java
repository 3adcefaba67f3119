package io.bouncedesk.persistence;

import java.time.Instant;

/** A sent marketing email. */
public record EmailRow(long id, String name, String subject, String fromName, String fromAddress,
                       String sendingDomain, Instant sentAt, String createdBy) {
}
