package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;

/**
 * A bounce to record.
 *
 * @param source where it came from: SMTP (the send), DSN (a bounce message), PROVIDER (an event
 *               import), IMPORT (a file), SOFT_LIMIT (converted after consecutive soft bounces)
 */
public record NewBounce(long addressId, Long emailId, Long recipientId, BounceType type, BounceReason reason,
                        String smtpStatus, String replyCode, String diagnostic, String remoteMta, String source,
                        boolean convertedFromSoft, Instant occurredAt) {
}
