package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bouncedesk.domain.BounceReason;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SendGrid Event Webhook objects. Unique args / custom args arrive as extra top-level keys, so
 * every key SendGrid itself documents is listed here and everything else is metadata.
 * Skipped: processed, group_resubscribe. Rejected as malformed: event names SendGrid does not document.
 */
final class SendGridParser implements EventParser {

    static final SendGridParser INSTANCE = new SendGridParser();

    private static final Set<String> KNOWN = Set.of("email", "timestamp", "smtp-id", "event", "category",
            "sg_event_id", "sg_message_id", "sg_template_id", "sg_template_name", "reason", "status", "response",
            "attempt", "type", "bounce_classification", "ip", "tls", "cert_err", "useragent", "url", "url_offset",
            "asm_group_id", "sg_machine_open", "sg_content_type", "marketing_campaign_id",
            "marketing_campaign_name", "marketing_campaign_version", "marketing_campaign_split_id",
            "singlesend_id", "singlesend_name", "template_id", "template_version_id", "template_name",
            "mc_stats", "phase_id", "post_type", "pool", "send_at", "unique_args", "newsletter",
            "sg_user_id", "mc_auto_id", "mc_auto_name", "mc_auto_step_id", "sg_machine_open_reason");

    private SendGridParser() {
    }

    @Override
    public boolean recognises(ObjectNode node) {
        return node.has("event") || node.has("sg_event_id") || node.has("email");
    }

    @Override
    public void parse(ObjectNode node, EventSink sink) throws MalformedEventException {
        String event = JsonFields.requireText(node, "event", "");
        ProviderEventType type = switch (event) {
            case "delivered" -> ProviderEventType.DELIVERED;
            case "deferred" -> ProviderEventType.DEFERRED;
            case "bounce" -> ProviderEventType.SOFT_BOUNCE; // refined below
            case "dropped" -> ProviderEventType.DROPPED;
            case "open" -> ProviderEventType.OPEN;
            case "click" -> ProviderEventType.CLICK;
            case "spamreport" -> ProviderEventType.SPAM_COMPLAINT;
            case "unsubscribe", "group_unsubscribe" -> ProviderEventType.UNSUBSCRIBE;
            case "processed", "group_resubscribe" -> null;
            default -> throw new MalformedEventException("unknown SendGrid event type '" + event + "'");
        };
        if (type == null) {
            sink.skip("SendGrid '" + event + "' event");
            return;
        }
        EventBuilder b = new EventBuilder(ProviderFormat.SENDGRID).type(type);
        b.recipient = JsonFields.address(node, "email", "");
        b.occurredAt = JsonFields.epochSeconds(node, "timestamp", "");
        String smtpId = JsonFields.text(node, "smtp-id", "");
        b.messageId = Tracking.firstNonBlank(JsonFields.text(node, "sg_message_id", ""), smtpId);
        b.metadata = customArgs(node);
        b.trackingToken = b.metadata == null ? null : JsonFields.nonBlank(b.metadata.get(Tracking.KEY));
        if (b.trackingToken == null) {
            b.trackingToken = Tracking.fromMessageId(smtpId);
        }
        String id = JsonFields.nonBlank(JsonFields.text(node, "sg_event_id", ""));
        b.eventId = id != null ? id : EventIds.hash(ProviderFormat.SENDGRID, node);

        switch (type) {
            case DELIVERED -> {
                String response = JsonFields.text(node, "response", "");
                b.smtp(SmtpDetails.replyCode(response), SmtpDetails.enhancedStatus(response), response);
                b.reason = BounceReason.DELIVERED;
            }
            case DEFERRED -> {
                String response = JsonFields.text(node, "response", "");
                String code = SmtpDetails.replyCode(response);
                String status = SmtpDetails.enhancedStatus(response);
                b.smtp(code, status, response);
                b.reason = SmtpDetails.reason(code, status, response, null, false);
            }
            case SOFT_BOUNCE -> bounce(node, b);
            case DROPPED -> {
                String reason = JsonFields.text(node, "reason", "");
                b.diagnostic = reason;
                b.reason = droppedReason(reason);
            }
            case SPAM_COMPLAINT -> b.reason = BounceReason.FEEDBACK;
            default -> { }
        }
        sink.event(b.build());
    }

    private static void bounce(ObjectNode node, EventBuilder b) throws MalformedEventException {
        String text = JsonFields.text(node, "reason", "");
        String code = SmtpDetails.replyCode(text);
        String status = SmtpDetails.status(JsonFields.text(node, "status", ""));
        if (status == null) {
            status = SmtpDetails.enhancedStatus(text);
        }
        b.smtp(code, status, text);
        String kind = JsonFields.text(node, "type", "");
        BounceReason hint = classificationHint(JsonFields.text(node, "bounce_classification", ""));
        BounceReason reason;
        if ("blocked".equals(kind)) {
            // A block refuses the sender or the message, not the address: blocked or rejected by its text.
            BounceReason byText = SmtpDetails.byText(text);
            reason = byText != null ? byText : hint != null ? hint : mentionsBlocking(text)
                    ? BounceReason.BLOCKED : BounceReason.REJECTED;
        } else if ("expired".equals(kind)) {
            reason = BounceReason.EXPIRED;
        } else {
            reason = SmtpDetails.reason(code, status, text, hint, false);
        }
        b.bounce(SmtpDetails.verdict(reason, code, status, null));
    }

    private static boolean mentionsBlocking(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("block") || t.contains("spam") || t.contains("listed");
    }

    /** SendGrid's bounce_classification groups (Invalid Address, Technical, ...) as a fallback hint. */
    private static BounceReason classificationHint(String classification) {
        if (classification == null) {
            return null;
        }
        return switch (classification.strip().toLowerCase(Locale.ROOT)) {
            case "invalid address", "invalid" -> BounceReason.USERUNKNOWN;
            case "mailbox unavailable" -> BounceReason.SUSPEND;
            case "technical" -> BounceReason.SYSTEMERROR;
            case "content" -> BounceReason.CONTENTERROR;
            case "reputation" -> BounceReason.BADREPUTATION;
            case "frequency or volume", "frequency/volume" -> BounceReason.SPEEDING;
            default -> null;
        };
    }

    /** Why SendGrid did not send: its suppression lists are on hold, not new bounces. */
    private static BounceReason droppedReason(String reason) {
        if (reason == null) {
            return BounceReason.UNDEFINED;
        }
        String r = reason.strip().toLowerCase(Locale.ROOT);
        if (r.startsWith("bounced address") || r.startsWith("unsubscribed address")
                || r.startsWith("spam reporting address")) {
            return BounceReason.ONHOLD;
        }
        if (r.equals("invalid") || r.startsWith("invalid email")) {
            return BounceReason.SYNTAXERROR;
        }
        if (r.startsWith("spam content")) {
            return BounceReason.SPAMDETECTED;
        }
        if (r.contains("over package quota")) {
            return BounceReason.EXCEEDLIMIT;
        }
        if (r.startsWith("invalid smtpapi header")) {
            return BounceReason.MAILERERROR;
        }
        BounceReason byText = SmtpDetails.byText(reason);
        return byText != null ? byText : BounceReason.UNDEFINED;
    }

    private static Map<String, String> customArgs(ObjectNode node) {
        Map<String, String> out = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey())) {
                if (out == null) {
                    out = new HashMap<>();
                }
                out.put(e.getKey(), JsonFields.valueText(e.getValue()));
            }
        }
        JsonNode legacy = node.get("unique_args"); // old integrations nest them
        return legacy != null && legacy.isObject() ? JsonFields.flatten(legacy, out) : out;
    }
}
