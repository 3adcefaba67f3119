package io.bouncedesk.ui.bounces;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A kept bounce message split for reading: its top-level headers (folded lines joined) and the
 * rest as text. Shown as received, MIME parts and all, because support staff want to see exactly
 * what the server said; decoding is left to the bounce parser.
 */
public record OriginalMessage(List<Header> headers, String body) {

    /** One header line; a name may appear more than once (Received). */
    public record Header(String name, String value) {
    }

    public OriginalMessage {
        headers = List.copyOf(headers);
    }

    /** Splits at the first empty line; text is UTF-8, or Latin-1 when it is not valid UTF-8. */
    public static OriginalMessage parse(byte[] raw) {
        String text = decode(raw).replace("\r\n", "\n").replace('\r', '\n');
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 2);
        List<Header> headers = new ArrayList<>();
        StringBuilder stray = new StringBuilder();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : head.split("\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().matches("[!-9;-~]+")) {
                if (name != null) {
                    headers.add(new Header(name, value.toString()));
                }
                name = line.substring(0, colon).strip();
                value.setLength(0);
                value.append(line.substring(colon + 1).strip());
            } else if (!line.isEmpty()) {
                stray.append(line).append('\n'); // not a header: keep it visible with the body
            }
        }
        if (name != null) {
            headers.add(new Header(name, value.toString()));
        }
        return new OriginalMessage(headers, stray.isEmpty() ? body : stray + "\n" + body);
    }

    /** The value of the first header called {@code name} (ignoring case), or empty. */
    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse("");
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }
}
