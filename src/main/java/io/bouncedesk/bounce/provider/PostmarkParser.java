package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bouncedesk.domain.BounceReason;

import java.util.Map;

/**
 * Postmark webhooks: Bounce and SpamComplaint (one shape, told apart by Type), and also Delivery,
 * Open, Click and SubscriptionChange; bounce objects of the Bounces API (no RecordType) and its
 * page envelope {"Bounces": [...]}. Skipped: auto-replies, address changes, subscribe, challenge
 * and open-relay tests, inbound errors, re-activations. Unknown bounce types are malformed.
 */
final class PostmarkParser implements EventParser {

    static final PostmarkParser INSTANCE = new PostmarkParser();

    private PostmarkParser() {
    }

    @Override
    public boolean recognises(ObjectNode node) {
        return node.has("RecordType") || node.has("TypeCode") || node.has("BouncedAt")
                || node.has("Bounces") || node.has("MessageID") && (node.has("Email") || node.has("Recipient"));
    }

    @Override
    public void parse(ObjectNode node, EventSink sink) throws MalformedEventException {
        JsonNode page = node.get("Bounces");
        if (page != null && page.isArray() && !node.has("RecordType")) {
            for (int i = 0; i < page.size(); i++) {
                JsonNode item = page.get(i);
                try {
                    if (!item.isObject()) {
                        throw new MalformedEventException("not a JSON object but " + JsonFields.kind(item));
                    }
                    bounce((ObjectNode) item, sink);
                } catch (MalformedEventException e) {
                    sink.problem("Bounces[" + i + "]: " + e.getMessage());
                }
            }
            return;
        }
        String recordType = JsonFields.text(node, "RecordType", "");
        if (recordType == null || recordType.equals("Bounce") || recordType.equals("SpamComplaint")) {
            bounce(node, sink);
            return;
        }
        ProviderEventType type = switch (recordType) {
            case "Delivery" -> ProviderEventType.DELIVERED;
            case "Open" -> ProviderEventType.OPEN;
            case "Click" -> ProviderEventType.CLICK;
            case "SubscriptionChange" -> ProviderEventType.UNSUBSCRIBE;
            default -> throw new MalformedEventException("unknown Postmark RecordType '" + recordType + "'");
        };
        if (type == ProviderEventType.UNSUBSCRIBE && !isUnsubscribe(node)) {
            sink.skip("Postmark SubscriptionChange that is no unsubscribe");
            return;
        }
        EventBuilder b = common(node, "Recipient");
        b.type(type);
        b.occurredAt = JsonFields.isoInstant(node, switch (type) {
            case DELIVERED -> "DeliveredAt";
            case UNSUBSCRIBE -> "ChangedAt";
            default -> "ReceivedAt";
        }, "");
        if (b.occurredAt == null) {
            throw new MalformedEventException("'" + (type == ProviderEventType.DELIVERED ? "DeliveredAt"
                    : type == ProviderEventType.UNSUBSCRIBE ? "ChangedAt" : "ReceivedAt") + "' is missing");
        }
        if (type == ProviderEventType.DELIVERED) {
            String details = JsonFields.text(node, "Details", "");
            b.smtp(SmtpDetails.replyCode(details), SmtpDetails.enhancedStatus(details), details);
            b.reason = BounceReason.DELIVERED;
        }
        b.eventId = EventIds.hash(ProviderFormat.POSTMARK, node);
        sink.event(b.build());
    }

    // Only a recipient's own manual suppression is an unsubscribe; bounces and complaints have their own webhooks.
    private static boolean isUnsubscribe(JsonNode node) throws MalformedEventException {
        JsonNode suppress = node.get("SuppressSending");
        return suppress != null && suppress.asBoolean(false)
                && "ManualSuppression".equals(JsonFields.text(node, "SuppressionReason", ""));
    }

    private static void bounce(ObjectNode node, EventSink sink) throws MalformedEventException {
        String type = JsonFields.text(node, "Type", "");
        if (type == null) {
            type = typeName(node.get("TypeCode"));
        }
        if (type == null) {
            throw new MalformedEventException("'Type' is missing");
        }
        EventBuilder b = common(node, "Email");
        b.occurredAt = JsonFields.isoInstant(node, "BouncedAt", "");
        if (b.occurredAt == null) {
            throw new MalformedEventException("'BouncedAt' is missing");
        }
        String details = JsonFields.nonBlank(JsonFields.text(node, "Details", ""));
        String diag = details != null ? details : JsonFields.text(node, "Description", "");
        String code = SmtpDetails.replyCode(details);
        String status = SmtpDetails.enhancedStatus(details);
        b.smtp(code, status, diag);
        if (b.trackingToken == null) {
            b.trackingToken = Tracking.fromRawHeaders(JsonFields.text(node, "Content", ""));
        }
        JsonNode id = node.get("ID");
        b.eventId = id != null && !id.isNull() && !id.asText().isBlank() ? id.asText()
                : EventIds.hash(ProviderFormat.POSTMARK, node);
        switch (type) {
            case "HardBounce" -> failed(b, BounceReason.USERUNKNOWN, Boolean.TRUE, details);
            case "SoftBounce", "Unknown" -> failed(b, null, Boolean.FALSE, details);
            case "DnsError" -> failed(b, BounceReason.NETWORKERROR, Boolean.FALSE, details);
            case "Blocked" -> failed(b, BounceReason.BLOCKED, null, details);
            case "SpamNotification" -> failed(b, BounceReason.SPAMDETECTED, Boolean.FALSE, details);
            case "VirusNotification" -> failed(b, BounceReason.VIRUSDETECTED, Boolean.FALSE, details);
            case "DMARCPolicy" -> failed(b, BounceReason.AUTHFAILURE, null, details);
            case "Transient" -> {
                b.type(ProviderEventType.DEFERRED).reason = SmtpDetails.reason(code, status, details, null, false);
            }
            case "BadEmailAddress" -> b.type(ProviderEventType.DROPPED).reason = BounceReason.SYNTAXERROR;
            case "ManuallyDeactivated", "Unconfirmed" -> b.type(ProviderEventType.DROPPED).reason = BounceReason.ONHOLD;
            case "SMTPApiError", "TemplateRenderingFailed" ->
                    b.type(ProviderEventType.DROPPED).reason = BounceReason.MAILERERROR;
            case "SpamComplaint" -> b.type(ProviderEventType.SPAM_COMPLAINT).reason = BounceReason.FEEDBACK;
            case "Unsubscribe" -> b.type(ProviderEventType.UNSUBSCRIBE);
            case "AutoResponder", "AddressChange", "Subscribe", "ChallengeVerification", "OpenRelayTest",
                 "InboundError" -> {
                sink.skip("Postmark '" + type + "' record (not a delivery failure)");
                return;
            }
            default -> throw new MalformedEventException("unknown Postmark bounce type '" + type + "'");
        }
        sink.event(b.build());
    }

    /** Postmark's type is a hint behind the server's own text; permanence comes from the status where given. */
    private static void failed(EventBuilder b, BounceReason hint, Boolean permanent, String details) {
        BounceReason reason = SmtpDetails.reason(b.replyCode, b.enhancedStatus, details, hint, false);
        b.bounce(SmtpDetails.verdict(reason, b.replyCode, b.enhancedStatus, permanent));
    }

    private static EventBuilder common(JsonNode node, String addressField) throws MalformedEventException {
        EventBuilder b = new EventBuilder(ProviderFormat.POSTMARK);
        b.recipient = JsonFields.address(node, addressField, "");
        b.messageId = JsonFields.text(node, "MessageID", "");
        Map<String, String> metadata = JsonFields.flatten(JsonFields.object(node, "Metadata", ""), null);
        b.metadata = metadata;
        b.trackingToken = metadata == null ? null : JsonFields.nonBlank(metadata.get(Tracking.KEY));
        return b;
    }

    private static String typeName(JsonNode code) throws MalformedEventException {
        if (code == null || code.isNull()) {
            return null;
        }
        if (!code.isIntegralNumber()) {
            throw new MalformedEventException("'TypeCode' must be a number, not " + JsonFields.kind(code));
        }
        return switch (code.intValue()) {
            case 1 -> "HardBounce";
            case 2 -> "Transient";
            case 16 -> "Unsubscribe";
            case 32 -> "Subscribe";
            case 64 -> "AutoResponder";
            case 128 -> "AddressChange";
            case 256 -> "DnsError";
            case 512 -> "SpamNotification";
            case 1024 -> "OpenRelayTest";
            case 2048 -> "Unknown";
            case 4096 -> "SoftBounce";
            case 8192 -> "VirusNotification";
            case 16384 -> "ChallengeVerification";
            case 100000 -> "BadEmailAddress";
            case 100001 -> "SpamComplaint";
            case 100002 -> "ManuallyDeactivated";
            case 100003 -> "Unconfirmed";
            case 100006 -> "Blocked";
            case 100007 -> "SMTPApiError";
            case 100008 -> "InboundError";
            case 100009 -> "DMARCPolicy";
            case 100010 -> "TemplateRenderingFailed";
            default -> throw new MalformedEventException("unknown Postmark TypeCode " + code.intValue());
        };
    }
}
