package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One MIME entity of a message held as an LF-normalised one-char-per-byte string. Multipart
 * bodies are split eagerly (cheap: offsets), everything else is decoded only when asked.
 */
final class MailPart {

    private static final int MAX_DEPTH = 12;

    final MailHeaders headers;
    final String mimeType;
    private final String source;
    private final int bodyStart;
    private final int bodyEnd;
    private final int depth;
    /** Split on first use: a returned message is parsed for its headers, rarely for its parts. */
    private List<MailPart> children;
    private String decodedBody;
    private String text;

    private MailPart(String source, int start, int end, int depth, String defaultType) {
        this.source = source;
        this.depth = depth;
        this.headers = MailHeaders.read(source, start, end);
        this.bodyStart = headers.bodyStart();
        this.bodyEnd = end;
        String ct = headers.get("content-type");
        this.mimeType = ct == null ? defaultType : typeOf(ct);
    }

    /** Parses a whole message. */
    static MailPart message(String text) {
        return new MailPart(text, 0, text.length(), 0, "text/plain");
    }

    List<MailPart> children() {
        if (children == null) {
            String ct = headers.get("content-type");
            String boundary = ct == null || !isMultipart() || depth >= MAX_DEPTH ? null : param(ct, "boundary");
            children = boundary == null || boundary.isEmpty()
                    ? List.of() : split(boundary, mimeType.equals("multipart/digest") ? "message/rfc822" : "text/plain");
        }
        return children;
    }

    boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    /** The body still transfer-encoded. */
    String rawBody() {
        return source.substring(Math.min(bodyStart, bodyEnd), bodyEnd);
    }

    /** The body with Content-Transfer-Encoding undone, one char per byte. */
    String decodedBody() {
        if (decodedBody == null) {
            decodedBody = MailText.transferDecode(rawBody(), headers.get("content-transfer-encoding"));
        }
        return decodedBody;
    }

    /** The body as text, decoded from its charset. */
    String text() {
        if (text == null) {
            String ct = headers.get("content-type");
            String cs = ct == null ? null : param(ct, "charset");
            String t = MailText.decode(decodedBody(), cs);
            if (cs == null && !MailText.isAscii(t)) {
                t = guessCharset(t);
            }
            text = t;
        }
        return text;
    }

    /** message/rfc822 content (or any text that is a whole message) parsed as a message. */
    MailPart embedded() {
        if (depth >= MAX_DEPTH) {
            return null;
        }
        String cte = headers.getOrEmpty("content-transfer-encoding").strip();
        if (decodedBody == null && !cte.equalsIgnoreCase("base64") && !cte.equalsIgnoreCase("quoted-printable")) {
            // not encoded: read it in place rather than copying what may be a large message
            int from = Math.min(bodyStart, bodyEnd);
            return new MailPart(source, from, bodyEnd, depth + 1, "text/plain");
        }
        String body = decodedBody();
        return new MailPart(body, 0, body.length(), depth + 1, "text/plain");
    }

    int depth() {
        return depth;
    }

    private List<MailPart> split(String boundary, String childDefault) {
        String delim = "--" + boundary;
        List<MailPart> parts = new ArrayList<>(4);
        int pos = findDelimiter(delim, bodyStart);
        if (pos < 0) {
            return parts;
        }
        while (pos >= 0) {
            int lineEnd = source.indexOf('\n', pos);
            if (lineEnd < 0 || lineEnd > bodyEnd) {
                break;
            }
            if (source.startsWith("--", pos + delim.length())) {
                break; // closing delimiter
            }
            int partStart = lineEnd + 1;
            int next = findDelimiter(delim, partStart);
            int partEnd = next < 0 ? bodyEnd : Math.max(partStart, next - 1); // CRLF before delimiter belongs to it
            parts.add(new MailPart(source, partStart, Math.max(partStart, partEnd), depth + 1, childDefault));
            pos = next;
        }
        return parts;
    }

    /** Start of the next line beginning with the delimiter, at or after {@code from}. */
    private int findDelimiter(String delim, int from) {
        int p = from;
        while (p < bodyEnd) {
            int hit = source.indexOf(delim, p);
            if (hit < 0 || hit >= bodyEnd) {
                return -1;
            }
            if (hit == bodyStart || source.charAt(hit - 1) == '\n') {
                return hit;
            }
            p = hit + delim.length();
        }
        return -1;
    }

    /** Non-ASCII text without a declared charset: UTF-8 when it decodes cleanly, else bytes as-is. */
    private static String guessCharset(String latin1) {
        if (latin1.indexOf('\u001b') >= 0) {
            return MailText.decode(latin1, "iso-2022-jp");
        }
        String utf8 = MailText.strict(latin1, java.nio.charset.StandardCharsets.UTF_8);
        return utf8 == null ? latin1 : utf8;
    }

    static String typeOf(String contentType) {
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return t.indexOf('/') < 0 ? "text/plain" : t;
    }

    /** A parameter of a structured field such as Content-Type (name lower-case), unquoted. */
    static String param(String field, String name) {
        String lower = field.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int p = lower.indexOf(name, from);
            if (p < 0) {
                return null;
            }
            int eq = p + name.length();
            while (eq < lower.length() && lower.charAt(eq) == ' ') {
                eq++;
            }
            char before = p == 0 ? ';' : lower.charAt(p - 1);
            if (eq < lower.length() && lower.charAt(eq) == '=' && (before == ';' || before == ' ' || before == '\t')) {
                int v = eq + 1;
                while (v < field.length() && field.charAt(v) == ' ') {
                    v++;
                }
                if (v < field.length() && field.charAt(v) == '"') {
                    int close = field.indexOf('"', v + 1);
                    return field.substring(v + 1, close < 0 ? field.length() : close);
                }
                int end = v;
                while (end < field.length() && field.charAt(end) != ';' && field.charAt(end) > ' ') {
                    end++;
                }
                return field.substring(v, end);
            }
            from = p + 1;
        }
    }
}
