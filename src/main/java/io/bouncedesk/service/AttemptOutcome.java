package io.bouncedesk.service;

import io.bouncedesk.bounce.SmtpReplyClassifier;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.AttemptRow;
import io.bouncedesk.persistence.RecipientRow;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what one delivery attempt's reply means for a recipient (delivered, hard bounce, soft
 * bounce still pending, soft bounce final, or converted to hard), without touching the database,
 * then applies the decision's effect on the address through {@link BounceRecorder}. Splitting
 * the two lets a send write a whole batch of recipients before the bounces that refer to them.
 */
public final class AttemptOutcome {

    enum Effect { RESET, HARD, SOFT, SOFT_FINAL }

    /** The recipient after the attempt, the attempt itself, and what must happen to the address. */
    public record Decision(RecipientRow row, AttemptRow attempt, Effect effect, BounceRecorder.Failure failure,
                           int softFailuresBefore) {
    }

    private final SoftBouncePolicy policy;

    public AttemptOutcome(SoftBouncePolicy policy) {
        this.policy = policy;
    }

    public Decision decide(RecipientRow r, int softFailuresBefore, DeliveryTransport.Reply reply, int attemptNo, Instant at) {
        String replyCode = blankToNull(reply.replyCode());
        String status = blankToNull(reply.enhancedStatus());
        if (reply.accepted()) {
            RecipientRow row = copy(r, RecipientOutcome.DELIVERED, null, null, status, replyCode, reply.text(),
                    reply.remoteMta(), attemptNo, null, at, at, null);
            return new Decision(row, attempt(r.id(), attemptNo, at, "DELIVERED", reply), Effect.RESET, null,
                    softFailuresBefore);
        }
        BounceReason reason = SmtpReplyClassifier.classify(reply.replyCode(), reply.enhancedStatus(), reply.text());
        BounceType type = reason.type(SmtpReplyClassifier.isPermanent(reply.replyCode(), reply.enhancedStatus()));
        BounceRecorder.Failure failure = new BounceRecorder.Failure(reason, type, status, replyCode, reply.text(),
                reply.remoteMta(), at, "SMTP");
        if (type == BounceType.HARD) {
            RecipientRow row = copy(r, RecipientOutcome.BOUNCED, BounceType.HARD, reason, status, replyCode,
                    reply.text(), reply.remoteMta(), attemptNo, null, at, null, at);
            return new Decision(row, attempt(r.id(), attemptNo, at, "HARD", reply), Effect.HARD, failure,
                    softFailuresBefore);
        }
        AttemptRow attempt = attempt(r.id(), attemptNo, at, "SOFT", reply);
        boolean converts = softFailuresBefore + 1 >= policy.consecutiveLimit();
        if (converts) {
            RecipientRow row = copy(r, RecipientOutcome.BOUNCED, BounceType.HARD, reason, status, replyCode,
                    reply.text(), reply.remoteMta(), attemptNo, null, at, null, at);
            return new Decision(row, attempt, Effect.SOFT, failure, softFailuresBefore);
        }
        if (attemptNo < r.attemptBudget()) {
            Duration wait = policy.retryOffsets().get(attemptNo).minus(policy.retryOffsets().get(attemptNo - 1));
            RecipientRow row = copy(r, RecipientOutcome.PENDING, BounceType.SOFT, reason, status, replyCode,
                    reply.text(), reply.remoteMta(), attemptNo, at.plus(wait), at, null, null);
            return new Decision(row, attempt, Effect.SOFT, failure, softFailuresBefore);
        }
        RecipientRow row = copy(r, RecipientOutcome.BOUNCED, BounceType.SOFT, reason, status, replyCode,
                reply.text(), reply.remoteMta(), attemptNo, null, at, null, at);
        return new Decision(row, attempt, Effect.SOFT_FINAL, failure, softFailuresBefore);
    }

    /** Applies the decision to the address; the recipient row must already be written. */
    public void apply(Handle h, BounceRecorder recorder, Decision d) {
        RecipientRow r = d.row();
        switch (d.effect()) {
            case RESET -> recorder.recordDelivery(h, r.addressId(), d.softFailuresBefore());
            case HARD -> recorder.recordHard(h, r.addressId(), r.emailId(), r.id(), d.failure());
            case SOFT -> recorder.recordSoftFailure(h, r.addressId(), r.emailId(), r.id(), d.failure());
            case SOFT_FINAL -> {
                recorder.recordSoftFailure(h, r.addressId(), r.emailId(), r.id(), d.failure());
                recorder.recordSoftHistory(h, r.addressId(), r.emailId(), r.id(), d.failure());
            }
        }
    }

    /** {@link #apply(Handle, BounceRecorder, Decision)} into a batch of the recorder (written when it is flushed). */
    public void apply(BounceRecorder.Batch batch, Decision d) {
        RecipientRow r = d.row();
        switch (d.effect()) {
            case RESET -> batch.recordDelivery(r.addressId(), d.softFailuresBefore());
            case HARD -> batch.recordHard(r.addressId(), r.emailId(), r.id(), d.failure());
            case SOFT -> batch.recordSoftFailure(r.addressId(), r.emailId(), r.id(), d.failure());
            case SOFT_FINAL -> {
                batch.recordSoftFailure(r.addressId(), r.emailId(), r.id(), d.failure());
                batch.recordSoftHistory(r.addressId(), r.emailId(), r.id(), d.failure());
            }
        }
    }

    /** How the address's consecutive count changes with this decision (for batch bookkeeping). */
    public int softFailuresAfter(Decision d) {
        return switch (d.effect()) {
            case RESET, HARD -> 0;
            case SOFT, SOFT_FINAL -> d.softFailuresBefore() + 1;
        };
    }

    private static AttemptRow attempt(long recipientId, int no, Instant at, String result, DeliveryTransport.Reply reply) {
        return new AttemptRow(recipientId, no, at, result, blankToNull(reply.replyCode()),
                blankToNull(reply.enhancedStatus()), reply.text(), reply.remoteMta());
    }

    private static RecipientRow copy(RecipientRow r, RecipientOutcome outcome, BounceType type, BounceReason reason,
                                     String status, String reply, String diagnostic, String mta, int attempts,
                                     Instant nextRetry, Instant eventAt, Instant deliveredAt, Instant bouncedAt) {
        return new RecipientRow(r.id(), r.emailId(), r.contactId(), r.addressId(), r.address(), r.name(), outcome,
                null, null, type, reason, reason == null ? null : reason.category(), status, reply, diagnostic, mta,
                r.messageId(), attempts, r.attemptBudget(), nextRetry, eventAt, deliveredAt, bouncedAt, r.openedAt(),
                r.clickedAt(), r.unsubscribedAt(), r.spamAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
