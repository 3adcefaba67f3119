package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;

import java.time.Instant;

/** One contact on one marketing email, with the address used at send time and its outcome. */
public record RecipientRow(long id, long emailId, long contactId, long addressId, String address, String name,
                           RecipientOutcome outcome, NotSentReason notSentReason, Long notSentCauseEmailId,
                           BounceType bounceType, BounceReason bounceReason, BounceCategory bounceCategory,
                           String smtpStatus, String replyCode, String diagnostic, String remoteMta, String messageId,
                           int attempts, int attemptBudget, Instant nextRetryAt, Instant eventAt, Instant deliveredAt,
                           Instant bouncedAt, Instant openedAt, Instant clickedAt, Instant unsubscribedAt,
                           Instant spamAt) {
}
