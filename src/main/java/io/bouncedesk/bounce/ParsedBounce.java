package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;

/**
 * The answer for one recipient of a bounce message.
 *
 * @param recipient         normalised address ({@code EmailAddress.of(..).value()})
 * @param reason            fine-grained reason (FEEDBACK, VACATION and DELIVERED are no failures)
 * @param type              hard or soft, {@code reason.type(permanent)}
 * @param enhancedStatus    RFC 3463 code such as "5.1.1", or ""
 * @param replyCode         SMTP reply code such as "550", or ""
 * @param diagnostic        the error text the remote or reporting server gave, whitespace collapsed
 * @param remoteMta         host that rejected the message when known, or ""
 * @param feedbackType      ARF feedback type ("abuse", "opt-out"...) for complaints, else null
 * @param originalMessageId Message-ID of the returned original message, or null
 * @param trackingToken     value of {@code X-BounceDesk-Tracking} in the returned message, or null
 * @param verpAddress       our VERP return path the bounce was addressed to, or null
 * @param date              when the failure happened (DSN dates, else the bounce's Date), or null
 */
public record ParsedBounce(String recipient, BounceReason reason, BounceType type, String enhancedStatus,
                           String replyCode, String diagnostic, String remoteMta, String feedbackType,
                           String originalMessageId, String trackingToken, String verpAddress, Instant date) {

    public BounceCategory category() {
        return reason.category();
    }

    public boolean hard() {
        return type == BounceType.HARD;
    }
}
