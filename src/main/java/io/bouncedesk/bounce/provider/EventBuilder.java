package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;
import java.util.Map;

/** Collects the fields of a {@link ProviderEvent}; parsers fill what their provider gives. */
final class EventBuilder {

    private final ProviderFormat provider;
    String eventId;
    ProviderEventType type;
    String recipient;
    Instant occurredAt;
    BounceReason reason;
    BounceType bounceType;
    String enhancedStatus;
    String replyCode;
    String diagnostic;
    String remoteMta;
    String messageId;
    String trackingToken;
    Map<String, String> metadata;

    EventBuilder(ProviderFormat provider) {
        this.provider = provider;
    }

    EventBuilder type(ProviderEventType type) {
        this.type = type;
        return this;
    }

    /** Sets the reason and, for bounces, the type that the domain rule gives it. */
    EventBuilder bounce(SmtpDetails.Verdict verdict) {
        this.reason = verdict.reason();
        this.bounceType = verdict.type();
        this.type = verdict.type() == BounceType.HARD ? ProviderEventType.HARD_BOUNCE : ProviderEventType.SOFT_BOUNCE;
        return this;
    }

    EventBuilder smtp(String replyCode, String enhancedStatus, String diagnostic) {
        this.replyCode = replyCode;
        this.enhancedStatus = enhancedStatus;
        this.diagnostic = diagnostic;
        return this;
    }

    ProviderEvent build() {
        return new ProviderEvent(provider, eventId, type, recipient, occurredAt, reason, bounceType,
                enhancedStatus, replyCode, diagnostic, remoteMta, messageId, trackingToken, metadata);
    }
}
