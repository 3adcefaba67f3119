package io.bouncedesk.persistence;

import java.time.Instant;

/** One append-only audit log entry: who, when, what, on what, before and after (JSON). */
public record AuditEntry(long id, Instant at, String username, String action, String subject,
                        String beforeJson, String afterJson) {
}
