package io.bouncedesk.bounce;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.domain.BounceReason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon SES event notifications delivered by email through SNS: a JSON document with
 * notificationType Bounce, Complaint or Delivery. SNS wraps long lines with "!" + newline + space.
 */
final class SesNotifications {

    /** Created on first use: most messages are no SES notification, and a mapper is costly to make. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private SesNotifications() {
    }

    static boolean looksLike(String text) {
        int brace = text.indexOf('{');
        return brace >= 0 && brace < 200 && text.indexOf("\"notificationType\"", brace) > 0;
    }

    static List<RecipientFact> facts(String text) {
        List<RecipientFact> out = new ArrayList<>(1);
        String json = text.substring(text.indexOf('{')).replace("!\n ", "").replace("!\n", "");
        JsonNode root;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            root = p.readValueAsTree();
        } catch (IOException | RuntimeException e) {
            return out;
        }
        if (root == null) {
            return out;
        }
        String type = root.path("notificationType").asText("");
        JsonNode mail = root.path("mail");
        switch (type) {
            case "Bounce" -> {
                JsonNode b = root.path("bounce");
                String mta = DeliveryStatusFields.afterType(b.path("reportingMTA").asText(""));
                for (JsonNode r : b.path("bouncedRecipients")) {
                    RecipientFact f = new RecipientFact(r.path("emailAddress").asText(""));
                    f.action = r.path("action").asText("failed");
                    f.status = r.path("status").asText("");
                    String diag = r.path("diagnosticCode").asText("");
                    int semi = diag.indexOf(';');
                    if (semi > 0 && semi < 12) {
                        f.diagnosticType = diag.substring(0, semi).strip().toUpperCase(java.util.Locale.ROOT);
                        diag = diag.substring(semi + 1).strip();
                    }
                    f.diagnostic = diag;
                    f.remoteMta = mta;
                    f.date = b.path("timestamp").asText("");
                    if (b.path("bounceType").asText("").equals("Transient") && f.status.isEmpty()) {
                        f.reason = BounceReason.ONHOLD;
                    }
                    out.add(f);
                }
            }
            case "Complaint" -> {
                JsonNode c = root.path("complaint");
                String ft = c.path("complaintFeedbackType").asText("abuse");
                for (JsonNode r : c.path("complainedRecipients")) {
                    RecipientFact f = new RecipientFact(r.path("emailAddress").asText(""));
                    f.reason = BounceReason.FEEDBACK;
                    f.feedbackType = ft.isEmpty() ? "abuse" : ft;
                    f.diagnosticType = "FEEDBACK";
                    f.date = c.path("timestamp").asText("");
                    out.add(f);
                }
            }
            case "Delivery" -> {
                JsonNode d = root.path("delivery");
                for (JsonNode r : d.path("recipients")) {
                    RecipientFact f = new RecipientFact(r.asText(""));
                    f.reason = BounceReason.DELIVERED;
                    f.status = "2.6.0";
                    f.diagnostic = d.path("smtpResponse").asText("");
                    f.date = d.path("timestamp").asText("");
                    out.add(f);
                }
            }
            default -> {
            }
        }
        out.removeIf(f -> f.recipient.isEmpty());
        String messageId = null;
        String tracking = null;
        for (JsonNode h : mail.path("headers")) {
            String name = h.path("name").asText("");
            if (name.equalsIgnoreCase("Message-ID")) {
                messageId = h.path("value").asText(null);
            } else if (name.equalsIgnoreCase(io.bouncedesk.domain.TrackingIds.HEADER)) {
                tracking = h.path("value").asText(null);
            }
        }
        for (RecipientFact f : out) {
            f.originalMessageId = messageId;
            f.trackingToken = tracking;
        }
        return out;
    }
}
