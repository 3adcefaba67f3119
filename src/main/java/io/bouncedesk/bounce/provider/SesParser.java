package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.TrackingIds;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Amazon SES notifications (notificationType) and event publishing records (eventType), raw, in an
 * SNS envelope (Message is a JSON string) or in an EventBridge envelope (detail). One notification
 * yields one event per recipient; a bad recipient is reported on its own and does not lose the others.
 * Skipped: Send, Reject, Rendering Failure, Subscription, SNS subscription confirmations.
 */
final class SesParser implements EventParser {

    static final SesParser INSTANCE = new SesParser();

    private SesParser() {
    }

    /** What the mail object says about every recipient of the notification. */
    private record Mail(String messageId, String trackingToken, Map<String, String> metadata, Instant sentAt) {
    }

    @FunctionalInterface
    private interface PerRecipient {
        void fill(JsonNode recipient, String label, EventBuilder b) throws MalformedEventException;
    }

    @Override
    public boolean recognises(ObjectNode node) {
        return node.has("notificationType") || node.has("eventType") || node.has("mail")
                || node.has("Type") && node.has("Message") || node.has("detail") && node.has("source");
    }

    @Override
    public void parse(ObjectNode node, EventSink sink) throws MalformedEventException {
        JsonNode n = node;
        Instant envelopeTime = null;
        if (!node.has("notificationType") && !node.has("eventType") && node.has("Type")) {
            String snsType = JsonFields.requireText(node, "Type", "");
            switch (snsType) {
                case "Notification" -> n = snsMessage(node);
                case "SubscriptionConfirmation", "UnsubscribeConfirmation" -> {
                    sink.skip("SNS " + snsType);
                    return;
                }
                default -> throw new MalformedEventException("unknown SNS message type '" + snsType + "'");
            }
            envelopeTime = JsonFields.isoInstant(node, "Timestamp", "");
        } else if (!node.has("notificationType") && !node.has("eventType") && node.has("detail")) {
            n = JsonFields.requireObject(node, "detail", ""); // EventBridge
            envelopeTime = JsonFields.isoInstant(node, "time", "");
        }
        notification(n, envelopeTime, sink);
    }

    private static void notification(JsonNode n, Instant envelopeTime, EventSink sink) throws MalformedEventException {
        String kind = JsonFields.text(n, "notificationType", "");
        if (kind == null) {
            kind = JsonFields.text(n, "eventType", "");
        }
        if (kind == null) {
            throw new MalformedEventException("'notificationType' (or 'eventType') is missing");
        }
        JsonNode mailNode = JsonFields.requireObject(n, "mail", "");
        Mail mail = mail(mailNode, envelopeTime);
        switch (kind) {
            case "Bounce" -> bounce(n, mail, sink);
            case "Complaint" -> complaint(n, mail, sink);
            case "Delivery" -> simple(n, "delivery", "recipients", ProviderEventType.DELIVERED, mail, sink,
                    (r, label, b) -> delivered(n.get("delivery"), b));
            case "DeliveryDelay" -> simple(n, "deliveryDelay", "delayedRecipients", ProviderEventType.DEFERRED,
                    mail, sink, (r, label, b) -> delayed(n.get("deliveryDelay"), r, label, b));
            case "Open", "Click" -> engagement(n, kind, mailNode, mail, sink);
            case "Send", "Reject", "Rendering Failure", "Subscription", "AmazonSnsSubscriptionSucceeded" ->
                    sink.skip("SES '" + kind + "' event");
            default -> throw new MalformedEventException("unknown SES notification type '" + kind + "'");
        }
    }

    private static JsonNode snsMessage(ObjectNode envelope) throws MalformedEventException {
        JsonNode message = envelope.get("Message");
        if (message == null || message.isNull()) {
            throw new MalformedEventException("SNS 'Message' is missing");
        }
        if (message.isObject()) {
            return message; // some archivers store the decoded message
        }
        if (!message.isTextual()) {
            throw new MalformedEventException("SNS 'Message' must be a JSON string, not " + JsonFields.kind(message));
        }
        JsonNode inner;
        try {
            inner = JsonFields.MAPPER.readTree(message.textValue());
        } catch (JacksonException e) {
            throw new MalformedEventException("SNS 'Message' is not valid JSON: " + ProviderEventReader.shortMessage(e));
        }
        if (inner == null || !inner.isObject()) {
            throw new MalformedEventException("SNS 'Message' does not hold a JSON object");
        }
        return inner;
    }

    private static Mail mail(JsonNode mail, Instant envelopeTime) throws MalformedEventException {
        String token = null;
        String headerMessageId = null;
        JsonNode headers = mail.get("headers");
        if (headers != null && headers.isArray()) {
            for (JsonNode h : headers) {
                String name = h.path("name").asText("");
                if (name.equalsIgnoreCase(TrackingIds.HEADER)) {
                    token = JsonFields.nonBlank(h.path("value").asText(null));
                } else if (name.equalsIgnoreCase("Message-ID")) {
                    headerMessageId = h.path("value").asText(null);
                }
            }
        }
        Map<String, String> metadata = null;
        JsonNode tags = mail.get("tags"); // event publishing: {"name": ["value", ...]}
        if (tags != null && tags.isObject()) {
            metadata = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                metadata.put(e.getKey(), v.isArray() && v.size() == 1 ? JsonFields.valueText(v.get(0))
                        : v.isArray() ? joined(v) : JsonFields.valueText(v));
            }
            if (token == null) {
                token = JsonFields.nonBlank(metadata.get(Tracking.KEY));
            }
        }
        if (token == null) {
            String common = mail.path("commonHeaders").path("messageId").asText(null);
            token = Tracking.fromMessageId(common != null ? common : headerMessageId);
        }
        Instant sentAt = JsonFields.isoInstant(mail, "timestamp", "mail.");
        return new Mail(JsonFields.text(mail, "messageId", "mail."), token, metadata,
                sentAt != null ? sentAt : envelopeTime);
    }

    private static String joined(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : array) {
            sb.append(sb.length() == 0 ? "" : ",").append(JsonFields.valueText(v));
        }
        return sb.toString();
    }

    private static void bounce(JsonNode n, Mail mail, EventSink sink) throws MalformedEventException {
        JsonNode bounce = JsonFields.requireObject(n, "bounce", "");
        String bounceType = JsonFields.requireText(bounce, "bounceType", "bounce.");
        String subType = JsonFields.text(bounce, "bounceSubType", "bounce.");
        Boolean permanent = "Permanent".equals(bounceType) ? Boolean.TRUE
                : "Transient".equals(bounceType) ? Boolean.FALSE : null;
        boolean suppressed = "Suppressed".equals(subType) || "OnAccountSuppressionList".equals(subType);
        BounceReason hint = subType == null ? null : switch (subType) {
            case "NoEmail" -> BounceReason.USERUNKNOWN;
            case "MailboxFull" -> BounceReason.MAILBOXFULL;
            case "MessageTooLarge" -> BounceReason.MESGTOOBIG;
            case "ContentRejected", "AttachmentRejected" -> BounceReason.CONTENTERROR;
            default -> null;
        };
        String remote = JsonFields.text(bounce, "remoteMtaIp", "bounce.");
        simple(n, "bounce", "bouncedRecipients", ProviderEventType.SOFT_BOUNCE, mail, sink, (r, label, b) -> {
            String diag = JsonFields.text(r, "diagnosticCode", label);
            String status = SmtpDetails.status(JsonFields.text(r, "status", label));
            String code = SmtpDetails.replyCode(diag);
            b.smtp(code, status != null ? status : SmtpDetails.enhancedStatus(diag), diag);
            b.remoteMta = remote;
            if (suppressed) {
                // SES never tried: the address is on its suppression list, which is no new bounce.
                b.type(ProviderEventType.DROPPED).reason = BounceReason.ONHOLD;
                return;
            }
            BounceReason reason = SmtpDetails.reason(code, b.enhancedStatus, diag, hint, hint != null);
            b.bounce(SmtpDetails.verdict(reason, code, b.enhancedStatus, permanent));
        });
    }

    private static void complaint(JsonNode n, Mail mail, EventSink sink) throws MalformedEventException {
        JsonNode complaint = JsonFields.requireObject(n, "complaint", "");
        String feedbackType = JsonFields.text(complaint, "complaintFeedbackType", "complaint.");
        if ("not-spam".equals(feedbackType)) {
            sink.skip("SES complaint of feedback type not-spam");
            return;
        }
        boolean suppressed = "OnAccountSuppressionList".equals(JsonFields.text(complaint, "complaintSubType", "complaint."));
        simple(n, "complaint", "complainedRecipients", ProviderEventType.SPAM_COMPLAINT, mail, sink, (r, label, b) -> {
            b.diagnostic = feedbackType;
            b.reason = suppressed ? BounceReason.ONHOLD : BounceReason.FEEDBACK;
            if (suppressed) {
                b.type(ProviderEventType.DROPPED);
            }
        });
    }

    private static void delivered(JsonNode delivery, EventBuilder b) throws MalformedEventException {
        String response = JsonFields.text(delivery, "smtpResponse", "delivery.");
        b.smtp(SmtpDetails.replyCode(response), SmtpDetails.enhancedStatus(response), response);
        b.remoteMta = JsonFields.text(delivery, "remoteMtaIp", "delivery.");
        b.reason = BounceReason.DELIVERED;
    }

    private static void delayed(JsonNode delay, JsonNode r, String label, EventBuilder b) throws MalformedEventException {
        String diag = JsonFields.text(r, "diagnosticCode", label);
        String status = SmtpDetails.status(JsonFields.text(r, "status", label));
        String code = SmtpDetails.replyCode(diag);
        b.smtp(code, status != null ? status : SmtpDetails.enhancedStatus(diag), diag);
        b.remoteMta = JsonFields.text(delay, "reportingMTA", "deliveryDelay.");
        String delayType = JsonFields.text(delay, "delayType", "deliveryDelay.");
        BounceReason hint = delayType == null ? null : switch (delayType) {
            case "MailboxFull" -> BounceReason.MAILBOXFULL;
            case "SpamDetected" -> BounceReason.SPAMDETECTED;
            case "IPFailure" -> BounceReason.BLOCKED;
            case "TransientCommunicationFailure" -> BounceReason.NETWORKERROR;
            case "RecipientServerError", "InternalFailure" -> BounceReason.SYSTEMERROR;
            default -> null;
        };
        b.reason = SmtpDetails.reason(code, b.enhancedStatus, diag, hint, false);
    }

    private static void engagement(JsonNode n, String kind, JsonNode mailNode, Mail mail, EventSink sink)
            throws MalformedEventException {
        String field = kind.equals("Open") ? "open" : "click";
        ProviderEventType type = kind.equals("Open") ? ProviderEventType.OPEN : ProviderEventType.CLICK;
        JsonNode detail = JsonFields.requireObject(n, field, "");
        Instant at = JsonFields.isoInstant(detail, "timestamp", field + ".");
        JsonNode destination = JsonFields.requireArray(mailNode, "destination", "mail.");
        each(n, destination, field, "mail.destination", type, at, null, mail, sink, (r, label, b) -> { });
    }

    /** Events for every recipient of section.recipientsField, timed by section.timestamp. */
    private static void simple(JsonNode n, String section, String recipientsField, ProviderEventType type,
                               Mail mail, EventSink sink, PerRecipient fill) throws MalformedEventException {
        JsonNode s = JsonFields.requireObject(n, section, "");
        JsonNode recipients = JsonFields.requireArray(s, recipientsField, section + ".");
        Instant at = JsonFields.isoInstant(s, "timestamp", section + ".");
        String feedbackId = JsonFields.nonBlank(JsonFields.text(s, "feedbackId", section + "."));
        each(n, recipients, section, section + "." + recipientsField, type, at, feedbackId, mail, sink, fill);
    }

    private static void each(JsonNode n, JsonNode recipients, String section, String path, ProviderEventType type, Instant at,
                             String feedbackId, Mail mail, EventSink sink, PerRecipient fill)
            throws MalformedEventException {
        Instant when = at != null ? at : mail.sentAt();
        if (when == null) {
            throw new MalformedEventException("no timestamp: '" + section + ".timestamp' and 'mail.timestamp' are both missing");
        }
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode r = recipients.get(i);
            String label = path + "[" + i + "].";
            try {
                if (!r.isObject() && !r.isTextual()) {
                    throw new MalformedEventException("'" + path + "[" + i + "]' must be an address or an object, not "
                            + JsonFields.kind(r));
                }
                EventBuilder b = new EventBuilder(ProviderFormat.SES).type(type);
                b.recipient = r.isTextual() ? JsonFields.recipient(r.textValue(), path + "[" + i + "]")
                        : JsonFields.address(r, "emailAddress", label);
                b.occurredAt = when;
                b.messageId = mail.messageId();
                b.trackingToken = mail.trackingToken();
                b.metadata = mail.metadata();
                fill.fill(r, label, b);
                b.eventId = feedbackId != null ? feedbackId + ":" + b.recipient
                        : EventIds.hash(ProviderFormat.SES, n, b.type.name(), b.recipient);
                sink.event(b.build());
            } catch (MalformedEventException e) {
                sink.problem(e.getMessage());
            }
        }
    }
}
