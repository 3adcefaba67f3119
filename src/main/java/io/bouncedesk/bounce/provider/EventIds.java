package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Stable ids for events whose provider gives none: SHA-256 over the provider, the canonical JSON
 * of the event (keys sorted, no white space, so formatting and key order do not matter) and, for
 * notifications that yield several events, what tells them apart (type and recipient).
 */
final class EventIds {

    private EventIds() {
    }

    static String hash(ProviderFormat provider, JsonNode event, String... parts) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(provider.name()).append('\n');
        canonical(event, sb);
        for (String part : parts) {
            sb.append('\n').append(part == null ? "" : part);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    static void canonical(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                names.add(it.next());
            }
            Collections.sort(names);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(names.get(i), sb);
                sb.append(':');
                canonical(node.get(names.get(i)), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canonical(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), sb);
        } else {
            sb.append(node.asText()); // numbers, booleans, null
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
