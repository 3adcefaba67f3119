package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Typed access to event fields with messages a person can act on ("'email' is missing",
 * "'timestamp' must be a number, not an object"). {@code prefix} places a field inside its
 * envelope in those messages ("bounce.", "event-data.").
 */
final class JsonFields {

    /** One mapper for the whole process: creating one per event would dominate the cost. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    /** A string (numbers and booleans as their text), or null when absent or JSON null. */
    static String text(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new MalformedEventException("'" + prefix + field + "' must be a string, not " + kind(v));
    }

    static String requireText(JsonNode obj, String field, String prefix) throws MalformedEventException {
        String s = text(obj, field, prefix);
        if (s == null) {
            throw new MalformedEventException("'" + prefix + field + "' is missing");
        }
        if (s.isBlank()) {
            throw new MalformedEventException("'" + prefix + field + "' is empty");
        }
        return s;
    }

    /** A nested object, or null when absent or JSON null. */
    static JsonNode object(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new MalformedEventException("'" + prefix + field + "' must be an object, not " + kind(v));
        }
        return v;
    }

    static JsonNode requireObject(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = object(obj, field, prefix);
        if (v == null) {
            throw new MalformedEventException("'" + prefix + field + "' is missing");
        }
        return v;
    }

    static JsonNode requireArray(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedEventException("'" + prefix + field + "' is missing");
        }
        if (!v.isArray()) {
            throw new MalformedEventException("'" + prefix + field + "' must be an array, not " + kind(v));
        }
        if (v.isEmpty()) {
            throw new MalformedEventException("'" + prefix + field + "' is empty");
        }
        return v;
    }

    /** Unix time in seconds, integral (SendGrid) or fractional (Mailgun), also as a numeric string. */
    static Instant epochSeconds(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedEventException("'" + prefix + field + "' is missing");
        }
        try {
            if (v.isIntegralNumber()) {
                return Instant.ofEpochSecond(v.longValue());
            }
            if (v.isNumber()) {
                return fractionalSeconds(v.doubleValue());
            }
            if (v.isTextual()) {
                String s = v.textValue().strip();
                return s.indexOf('.') < 0 ? Instant.ofEpochSecond(Long.parseLong(s))
                        : fractionalSeconds(Double.parseDouble(s));
            }
        } catch (NumberFormatException | DateTimeException e) {
            throw new MalformedEventException("'" + prefix + field + "' is not a Unix time in seconds: '"
                    + v.asText() + "'");
        }
        throw new MalformedEventException("'" + prefix + field + "' must be a Unix time in seconds, not " + kind(v));
    }

    private static Instant fractionalSeconds(double d) {
        if (!Double.isFinite(d)) {
            throw new NumberFormatException();
        }
        long seconds = (long) Math.floor(d);
        long micros = Math.round((d - seconds) * 1_000_000d); // doubles carry about microsecond precision here
        return Instant.ofEpochSecond(seconds, micros * 1_000L);
    }

    /** An ISO-8601 date-time with offset (SES "…237Z", Postmark "…2735393-04:00"), or null when absent. */
    static Instant isoInstant(JsonNode obj, String field, String prefix) throws MalformedEventException {
        String s = text(obj, field, prefix);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("'" + prefix + field + "' is not an ISO-8601 date-time: '" + s + "'");
        }
    }

    /** The normalised address in a string field; numbers or objects there are malformed. */
    static String address(JsonNode obj, String field, String prefix) throws MalformedEventException {
        JsonNode v = obj.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new MalformedEventException("'" + prefix + field + "' must be a string, not " + kind(v));
        }
        return recipient(v == null || v.isNull() ? null : v.textValue(), prefix + field);
    }

    /** The recipient as EmailAddress.of(raw).value(); a blank address is malformed, bad syntax is kept for the import to judge. */
    static String recipient(String raw, String label) throws MalformedEventException {
        if (raw == null) {
            throw new MalformedEventException("'" + label + "' is missing");
        }
        if (raw.isBlank()) {
            throw new MalformedEventException("'" + label + "' is empty");
        }
        return Recipients.normalise(raw);
    }

    /** Flattens metadata-like objects to strings; nested values keep their JSON text. */
    static Map<String, String> flatten(JsonNode obj, Map<String, String> into) {
        if (obj == null || !obj.isObject() || obj.isEmpty()) {
            return into;
        }
        Map<String, String> out = into == null ? new HashMap<>() : into;
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), valueText(e.getValue()));
        }
        return out;
    }

    static String valueText(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
