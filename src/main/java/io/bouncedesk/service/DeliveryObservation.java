package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;

/**
 * Something observed about one recipient address from outside the send: a provider's event or
 * one recipient of a bounce message. Bounce sources differ; the rules that apply do not.
 *
 * @param key           unique identity of the observation, so importing it twice records it once
 * @param source        where it came from, e.g. "sendgrid", "ses", "dsn"
 * @param messageId     Message-ID of the message it is about, if known
 * @param trackingToken value of the X-BounceDesk-Tracking header, if known
 * @param verpAddress   the VERP return path the bounce was sent to, if known
 * @param feedbackType  ARF feedback type of a complaint, if any
 */
public record DeliveryObservation(String key, String source, Kind kind, String recipient, Instant at,
                                  BounceReason reason, BounceType bounceType, String smtpStatus, String replyCode,
                                  String diagnostic, String remoteMta, String messageId, String trackingToken,
                                  String verpAddress, String feedbackType) {

    /** What happened. DEFERRED is a temporary failure the sender is still retrying. */
    public enum Kind { DELIVERED, HARD_BOUNCE, SOFT_BOUNCE, DEFERRED, DROPPED, OPEN, CLICK, SPAM_COMPLAINT, UNSUBSCRIBE, AUTO_REPLY }
}
