package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.TrackingIds;

import java.util.Iterator;
import java.util.Map;

/**
 * Mailgun events: webhook payloads ({"signature": ..., "event-data": {...}}), bare event objects
 * of the Events API, and its page envelope ({"items": [...], "paging": ...}). The signature is
 * not checked here: the files are exports the user chose to import, not live requests.
 * A failure with severity temporary is DEFERRED (Mailgun keeps retrying); suppress-* failures
 * are DROPPED (Mailgun never tried). Skipped: accepted, stored and mailing-list events.
 */
final class MailgunParser implements EventParser {

    static final MailgunParser INSTANCE = new MailgunParser();

    private MailgunParser() {
    }

    @Override
    public boolean recognises(ObjectNode node) {
        return node.has("event-data") || node.has("event") || node.has("items") && node.has("paging");
    }

    @Override
    public void parse(ObjectNode node, EventSink sink) throws MalformedEventException {
        JsonNode items = node.get("items");
        if (items != null && items.isArray() && !node.has("event")) {
            for (int i = 0; i < items.size(); i++) {
                try {
                    JsonNode item = items.get(i);
                    if (!item.isObject()) {
                        throw new MalformedEventException("not a JSON object but " + JsonFields.kind(item));
                    }
                    event(item, "", sink);
                } catch (MalformedEventException e) {
                    sink.problem("items[" + i + "]: " + e.getMessage());
                }
            }
            return;
        }
        if (node.has("event-data")) {
            event(JsonFields.requireObject(node, "event-data", ""), "event-data.", sink);
        } else {
            event(node, "", sink);
        }
    }

    private static void event(JsonNode data, String prefix, EventSink sink) throws MalformedEventException {
        String event = JsonFields.requireText(data, "event", prefix);
        ProviderEventType type = switch (event) {
            case "delivered" -> ProviderEventType.DELIVERED;
            case "failed" -> ProviderEventType.SOFT_BOUNCE; // refined below
            case "complained" -> ProviderEventType.SPAM_COMPLAINT;
            case "unsubscribed" -> ProviderEventType.UNSUBSCRIBE;
            case "opened" -> ProviderEventType.OPEN;
            case "clicked" -> ProviderEventType.CLICK;
            case "rejected" -> ProviderEventType.DROPPED;
            case "accepted", "stored", "list_member_uploaded", "list_member_upload_error", "list_uploaded" -> null;
            default -> throw new MalformedEventException("unknown Mailgun event type '" + event + "'");
        };
        if (type == null) {
            sink.skip("Mailgun '" + event + "' event");
            return;
        }
        EventBuilder b = new EventBuilder(ProviderFormat.MAILGUN).type(type);
        b.recipient = JsonFields.address(data, "recipient", prefix);
        b.occurredAt = JsonFields.epochSeconds(data, "timestamp", prefix);
        JsonNode message = JsonFields.object(data, "message", prefix);
        JsonNode headers = message == null ? null : JsonFields.object(message, "headers", prefix + "message.");
        String headerMessageId = headers == null ? null : JsonFields.text(headers, "message-id", prefix + "message.headers.");
        b.messageId = headerMessageId;
        b.metadata = JsonFields.flatten(JsonFields.object(data, "user-variables", prefix), null);
        b.trackingToken = trackingToken(b.metadata, headers, headerMessageId);
        String id = JsonFields.nonBlank(JsonFields.text(data, "id", prefix));
        b.eventId = id != null ? id : EventIds.hash(ProviderFormat.MAILGUN, data);

        JsonNode status = JsonFields.object(data, "delivery-status", prefix);
        if (status != null) {
            String p = prefix + "delivery-status.";
            String text = JsonFields.nonBlank(JsonFields.text(status, "message", p));
            String description = JsonFields.nonBlank(JsonFields.text(status, "description", p));
            String enhanced = SmtpDetails.status(JsonFields.text(status, "enhanced-code", p));
            b.smtp(SmtpDetails.smtpCode(JsonFields.text(status, "code", p)),
                    enhanced != null ? enhanced : SmtpDetails.enhancedStatus(text),
                    text != null ? text : description);
            b.remoteMta = JsonFields.text(status, "mx-host", p);
            if (description != null && text != null && !description.equals(text)) {
                b.diagnostic = text + " (" + description + ")";
            }
        }
        switch (type) {
            case DELIVERED -> b.reason = BounceReason.DELIVERED;
            case SPAM_COMPLAINT -> b.reason = BounceReason.FEEDBACK;
            case DROPPED -> {
                b.reason = BounceReason.REJECTED;
                JsonNode reject = data.path("reject");
                b.diagnostic = reject.isObject() ? JsonFields.nonBlank(reject.path("reason").asText(null)) : b.diagnostic;
            }
            case SOFT_BOUNCE -> failed(data, prefix, b);
            default -> { }
        }
        sink.event(b.build());
    }

    private static void failed(JsonNode data, String prefix, EventBuilder b) throws MalformedEventException {
        String severity = JsonFields.text(data, "severity", prefix);
        String why = JsonFields.text(data, "reason", prefix);
        if (why != null && why.startsWith("suppress-")) {
            b.type(ProviderEventType.DROPPED).reason = BounceReason.ONHOLD;
            return;
        }
        BounceReason hint = why == null ? null : switch (why) {
            case "espblock" -> BounceReason.BLOCKED;
            case "greylisted" -> BounceReason.SPEEDING;
            case "old" -> BounceReason.EXPIRED;
            default -> null;
        };
        BounceReason reason = SmtpDetails.reason(b.replyCode, b.enhancedStatus, b.diagnostic, hint, false);
        if ("temporary".equals(severity)) {
            b.type(ProviderEventType.DEFERRED).reason = reason;
            return;
        }
        b.bounce(SmtpDetails.verdict(reason, b.replyCode, b.enhancedStatus, "permanent".equals(severity)));
    }

    private static String trackingToken(Map<String, String> vars, JsonNode headers, String messageId) {
        String token = vars == null ? null : JsonFields.nonBlank(vars.get(Tracking.KEY));
        if (token == null && headers != null) {
            Iterator<Map.Entry<String, JsonNode>> it = headers.fields();
            while (it.hasNext() && token == null) {
                Map.Entry<String, JsonNode> h = it.next();
                if (h.getKey().equalsIgnoreCase(TrackingIds.HEADER)) {
                    token = JsonFields.nonBlank(JsonFields.valueText(h.getValue()));
                }
            }
        }
        return token != null ? token : Tracking.fromMessageId(messageId);
    }
}
