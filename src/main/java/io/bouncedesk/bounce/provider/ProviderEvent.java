package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery event of one recipient, as reported by an email provider.
 *
 * @param eventId        the provider's unique id where it gives one, otherwise a SHA-256 of the
 *                       provider and the canonical event JSON; stable, so re-imports deduplicate
 * @param recipient      normalised with {@link io.bouncedesk.domain.EmailAddress#of(String)}; an
 *                       address of bad syntax is kept as written so the import can report it
 * @param reason         the bounce reason for bounces, deferrals and drops; DELIVERED for
 *                       deliveries, FEEDBACK for complaints; null for opens, clicks, unsubscribes
 * @param bounceType     set exactly for SOFT_BOUNCE and HARD_BOUNCE
 * @param enhancedStatus RFC 3463 status such as 5.1.1, where known
 * @param replyCode      SMTP reply code such as 550, where known
 * @param diagnostic     the receiving server's text (or the provider's description)
 * @param remoteMta      the receiving server's host name or IP, where known
 * @param messageId      the provider's message id (SES mail.messageId, SendGrid sg_message_id, ...)
 * @param trackingToken  BounceDesk's e&lt;email&gt;.r&lt;recipient&gt; token, where found
 * @param metadata       custom args / metadata / user variables / tags, as strings
 */
public record ProviderEvent(ProviderFormat provider, String eventId, ProviderEventType type, String recipient,
                            Instant occurredAt, BounceReason reason, BounceType bounceType, String enhancedStatus,
                            String replyCode, String diagnostic, String remoteMta, String messageId,
                            String trackingToken, Map<String, String> metadata) {

    public ProviderEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(occurredAt, "occurredAt");
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isBounce() {
        return type == ProviderEventType.SOFT_BOUNCE || type == ProviderEventType.HARD_BOUNCE;
    }
}
