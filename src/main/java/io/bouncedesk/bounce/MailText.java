package io.bouncedesk.bounce;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte and text helpers of the MIME reader. Messages are held as ISO-8859-1 strings (one char per
 * byte) so that decoding a part in its real charset later is a lossless round trip.
 */
final class MailText {

    private static final ConcurrentHashMap<String, Charset> CHARSETS = new ConcurrentHashMap<>();
    private static final Charset NONE = StandardCharsets.ISO_8859_1;

    private MailText() {
    }

    /** Raw bytes to a one-char-per-byte string with LF line endings (CRLF and CR-only converted). */
    static String normalise(byte[] raw) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Lower case with one char per char, so that offsets into the lower-cased text stay valid. */
    static String lower(String s) {
        int n = s.length();
        String l = s.toLowerCase(Locale.ROOT);
        if (l.length() == n) {
            return l; // only a few letters (Turkish dotted I) lower-case to two chars
        }
        char[] out = new char[n];
        for (int j = 0; j < n; j++) {
            char c = s.charAt(j);
            out[j] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return new String(out);
    }

    /** Whether s contains the lower-case ASCII needle, ignoring ASCII case, without copying s. */
    static boolean containsIgnoreCase(String s, String lowerNeedle) {
        int last = s.length() - lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || c == upper) && s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A charset by MIME name, tolerant of aliases and junk; null for us-ascii and unknown names. */
    static Charset charset(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Charset cs = CHARSETS.computeIfAbsent(name.toLowerCase(Locale.ROOT), MailText::lookup);
        return cs == NONE ? null : cs;
    }

    private static Charset lookup(String n) {
        String name = n.strip();
        if (name.startsWith("3d")) {
            name = name.substring(2); // charset=3Dutf-8 in a badly quoted-printable header
        }
        switch (name) {
            case "", "us-ascii", "ascii", "iso-8859-1", "latin1", "unknown-8bit", "x-unknown" -> {
                return NONE;
            }
            case "utf8", "uft-8", "utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "ks_c_5601-1987" -> name = "EUC-KR";
            case "x-sjis", "sjis", "shift-jis" -> name = "Shift_JIS";
            case "iso-2022-jp-2", "iso-2022-jp-3" -> name = "ISO-2022-JP";
            default -> {
            }
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    /** Decodes latin1-held bytes in the given charset; bytes stay as they are when it is unknown. */
    static String decode(String latin1, String charsetName) {
        Charset cs = charset(charsetName);
        if (cs == null || isAscii(latin1)) {
            return latin1;
        }
        if (cs.name().startsWith("ISO-2022") && latin1.indexOf('\u001b') < 0) {
            // 8-bit bytes under a 7-bit label: the text was re-encoded on the way (UTF-8 or EUC-JP)
            String utf8 = strict(latin1, StandardCharsets.UTF_8);
            return utf8 != null ? utf8 : new String(bytes(latin1), charset("euc-jp"));
        }
        return new String(bytes(latin1), cs);
    }

    /** Decodes when every byte sequence is valid in the charset, else null. */
    static String strict(String latin1, Charset cs) {
        try {
            return cs.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes(latin1))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0x1b) { // ESC starts ISO-2022-JP sequences
                return false;
            }
        }
        return true;
    }

    /** Undoes a Content-Transfer-Encoding; the result is again one char per byte. */
    static String transferDecode(String body, String encoding) {
        if (encoding == null || encoding.isEmpty()) {
            return body;
        }
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (e.equals("base64")) {
            return base64(body);
        }
        if (e.equals("quoted-printable")) {
            return quotedPrintable(body, false);
        }
        return body;
    }

    static String base64(String body) {
        StringBuilder clean = new StringBuilder(body.length());
        for (int i = 0, n = body.length(); i < n; i++) {
            char c = body.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                clean.append(c);
            } else if (c == '=') {
                break;
            }
        }
        int rem = clean.length() % 4;
        if (rem == 1) {
            clean.setLength(clean.length() - 1); // a dangling sextet carries no whole byte
        }
        try {
            return new String(Base64.getDecoder().decode(padded(clean)), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException ex) {
            return body;
        }
    }

    private static String padded(StringBuilder sb) {
        while (sb.length() % 4 != 0) {
            sb.append('=');
        }
        return sb.toString();
    }

    /** Quoted-printable; with {@code header} true, '_' means space (RFC 2047 "Q"). */
    static String quotedPrintable(String s, boolean header) {
        if (s.indexOf('=') < 0 && (!header || s.indexOf('_') < 0)) {
            return s;
        }
        int n = s.length();
        byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[n];
        int o = 0;
        int i = 0;
        while (i < n) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                eq = n;
            }
            System.arraycopy(in, i, out, o, eq - i); // plain runs are copied in bulk
            if (header) {
                for (int k = o; k < o + eq - i; k++) {
                    if (out[k] == '_') {
                        out[k] = ' ';
                    }
                }
            }
            o += eq - i;
            i = eq;
            if (i >= n) {
                break;
            }
            if (i + 1 < n && in[i + 1] == '\n') { // soft line break
                i += 2;
                continue;
            }
            int hi = i + 2 < n ? hex(in[i + 1]) : -1;
            int lo = hi >= 0 ? hex(in[i + 2]) : -1;
            if (lo >= 0) {
                out[o++] = (byte) (hi * 16 + lo);
                i += 3;
            } else {
                out[o++] = '=';
                i++;
            }
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    /** Decodes RFC 2047 encoded-words ("=?charset?B|Q?...?=") in a header value. */
    static String decodeWords(String value) {
        int start = value.indexOf("=?");
        if (start < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int pos = 0;
        boolean lastWasWord = false;
        while (start >= 0) {
            int q1 = value.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
            if (q2 != q1 + 2 || end < 0) {
                break;
            }
            String between = value.substring(pos, start);
            if (!(lastWasWord && between.isBlank())) {
                out.append(between); // whitespace between two encoded-words is dropped
            }
            String charset = value.substring(start + 2, q1);
            int star = charset.indexOf('*');
            if (star >= 0) {
                charset = charset.substring(0, star); // RFC 2231 language suffix
            }
            char enc = Character.toUpperCase(value.charAt(q1 + 1));
            String text = value.substring(q2 + 1, end);
            String bytes = enc == 'B' ? base64(text) : quotedPrintable(text, true);
            out.append(decode(bytes, charset));
            pos = end + 2;
            lastWasWord = true;
            start = value.indexOf("=?", pos);
        }
        out.append(value, pos, value.length());
        return out.toString();
    }
}
