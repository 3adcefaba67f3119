package io.bouncedesk.ui.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.service.AuditSubject;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An audit entry in the reader's language. The log stores its subject and its before/after values in
 * English (append-only, exported as stored); this reads them back and says them with the bundle's
 * words: the subject by its {@link AuditSubject.Kind}, each value's name by {@code audit.field.NAME},
 * and the values that are the console's own words (a status, a role, yes/no) by their labels.
 * Names, addresses, file names and codes stay as written; anything unknown shows as stored.
 */
public final class AuditText {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields whose value is one of the console's own labels: the key prefix of that label. */
    private static final Map<String, String> LABELLED = Map.of(
            "status", "status.",
            "role", "role.",
            "type", "bounceType.",
            "kind", "segments.",
            "tab", "tab.",
            "spf", "settings.auth.",
            "dkim", "settings.auth.",
            "dmarc", "settings.auth.");

    private final Messages m;
    private final Formats f;

    public AuditText(Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
    }

    /** The action's name in the user's language; an action without a text shows its code. */
    public String action(String code) {
        return label("audit.action." + code, code);
    }

    /** The subject of an entry of {@code action}, as stored in {@code stored}. */
    public String subject(String action, String stored) {
        return AuditSubject.parse(action, stored).map(this::subject).orElse("");
    }

    private String subject(AuditSubject s) {
        return switch (s.kind()) {
            case FILE -> s.values().get(0);
            case PROVIDER_EVENTS -> m.format("audit.subject.PROVIDER_EVENTS", provider(s.values().get(0)),
                    s.values().get(1));
            case BOUNCE_MESSAGES_PATHS -> m.format("audit.subject.BOUNCE_MESSAGES_PATHS",
                    Long.parseLong(s.values().get(0)));
            default -> m.format("audit.subject." + s.kind().name(), s.values().toArray());
        };
    }

    private static String provider(String name) {
        try {
            return ProviderFormat.fromName(name).label();
        } catch (IllegalArgumentException unknown) {
            return name;
        }
    }

    /**
     * Before or after as people read it: "Address: a@b.c · Status: Bounced"; empty for none; a text
     * that is not a JSON object as it is.
     */
    public String details(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            return json;
        }
        if (!node.isObject()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        node.fields().forEachRemaining(e -> parts.add(
                m.format("audit.field", label("audit.field." + e.getKey(), e.getKey()), value(e.getKey(), e.getValue()))));
        return String.join(" · ", parts);
    }

    private String value(String field, JsonNode v) {
        if (v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return m.get(v.asBoolean() ? "contact.yes" : "contact.no");
        }
        if (v.isIntegralNumber()) {
            return f.number(v.asLong());
        }
        if (!v.isValueNode()) {
            return v.toString();
        }
        String text = v.asText();
        if (field.equals("password") && text.equals("changed")) {
            return m.get("audit.value.changed");
        }
        String prefix = LABELLED.get(field);
        return prefix == null ? text : label(prefix + text, text);
    }

    /** The bundle's text for {@code key}, or {@code fallback} where the bundle has none. */
    private String label(String key, String fallback) {
        return m.bundle().containsKey(key) ? m.get(key) : fallback;
    }
}
