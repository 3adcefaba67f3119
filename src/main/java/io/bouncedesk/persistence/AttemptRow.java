package io.bouncedesk.persistence;

import java.time.Instant;

/** One delivery attempt of a recipient and the receiving server's reply. */
public record AttemptRow(long recipientId, int attemptNo, Instant attemptedAt, String result, String replyCode,
                         String smtpStatus, String replyText, String remoteMta) {
}
