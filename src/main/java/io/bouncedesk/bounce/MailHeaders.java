package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An unfolded header block: field names lower-cased, values raw (encoded-words are decoded
 * only by {@link #decoded(String)}, because most fields are never looked at).
 */
final class MailHeaders {

    private final List<String> names = new ArrayList<>(40);
    private final List<String> values = new ArrayList<>(40);
    /** Index in the source text where the body starts (after the blank line), or the end. */
    private int bodyStart;
    private int lineCount;

    private MailHeaders() {
    }

    /**
     * Reads a header block starting at {@code from}. Stops at the first blank line, or at the
     * first line that is neither a field nor a continuation (a body without the blank line).
     */
    static MailHeaders read(String text, int from, int end) {
        MailHeaders h = new MailHeaders();
        int n = end;
        int pos = from;
        // the current field: its name, and its value as a text range until a continuation line
        // forces a copy into the builder (most fields are one line)
        String currentName = null;
        int valueFrom = 0;
        int valueTo = 0;
        StringBuilder folded = null;
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0 || eol > n) {
                eol = n;
            }
            if (eol == pos) { // blank line
                pos = eol + 1;
                break;
            }
            char first = text.charAt(pos);
            if ((first == ' ' || first == '\t') && currentName != null) {
                if (folded == null) {
                    folded = new StringBuilder(valueTo - valueFrom + eol - pos + 16).append(text, valueFrom, valueTo);
                }
                folded.append(' ').append(text, skipBlanks(text, pos, eol), eol);
                pos = eol + 1;
                continue;
            }
            int colon = fieldColon(text, pos, eol);
            if (colon < 0) {
                if (h.lineCount == 0 && text.startsWith("From ", pos)) {
                    pos = eol + 1; // mbox separator line before the first field
                    continue;
                }
                if (first == ' ' || first == '\t') { // continuation without a field: ignore
                    pos = eol + 1;
                    continue;
                }
                boolean openParameter = folded != null ? folded.length() > 0 && folded.charAt(folded.length() - 1) == ';'
                        : valueTo > valueFrom && text.charAt(valueTo - 1) == ';';
                if (currentName != null && openParameter && text.lastIndexOf('=', eol) > pos) {
                    if (folded == null) {
                        folded = new StringBuilder().append(text, valueFrom, valueTo);
                    }
                    folded.append(' ').append(text, pos, eol); // "; boundary=..." folded without indent
                    pos = eol + 1;
                    continue;
                }
                break;
            }
            if (currentName != null) {
                h.add(currentName, folded != null ? folded.toString() : text.substring(valueFrom, valueTo));
            }
            currentName = name(text, pos, colon);
            valueFrom = skipBlanks(text, colon + 1, eol);
            valueTo = eol;
            folded = null;
            h.lineCount++;
            pos = eol + 1;
        }
        if (currentName != null) {
            h.add(currentName, folded != null ? folded.toString() : text.substring(valueFrom, valueTo));
        }
        h.bodyStart = Math.min(pos, n);
        return h;
    }

    /** Common field names, so that reading them needs no lower-casing copy. */
    private static final String[] KNOWN = {
        "received", "from", "to", "subject", "date", "message-id", "content-type", "mime-version",
        "content-transfer-encoding", "return-path", "x-failed-recipients", "reply-to", "sender", "cc",
        "content-description", "content-disposition", "auto-submitted", "dkim-signature", "delivered-to",
        "final-recipient", "original-recipient", "action", "status", "remote-mta", "diagnostic-code",
        "reporting-mta", "arrival-date", "last-attempt-date", "x-postfix-queue-id", "x-postfix-sender",
        "received-from-mta", "x-original-to", "content-id", "x-mailer", "in-reply-to", "references",
        "precedence", "authentication-results", "x-ms-exchange-crosstenant-id", "thread-topic", "thread-index",
    };

    /** KNOWN by a hash of length, first and last char (ASCII lower-cased). */
    private static final String[][] KNOWN_SLOTS = new String[128][];

    static {
        for (String k : KNOWN) {
            int slot = slot(k.length(), k.charAt(0), k.charAt(k.length() - 1));
            String[] old = KNOWN_SLOTS[slot];
            String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = k;
            KNOWN_SLOTS[slot] = grown;
        }
    }

    private static int slot(int length, char first, char last) {
        return (length * 7 + lowerAscii(first) * 3 + lowerAscii(last)) & 127;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static String name(String text, int pos, int colon) {
        int end = colon;
        while (end > pos && text.charAt(end - 1) <= ' ') {
            end--;
        }
        int len = end - pos;
        String[] candidates = len == 0 ? null : KNOWN_SLOTS[slot(len, text.charAt(pos), text.charAt(end - 1))];
        if (candidates != null) {
            for (String k : candidates) {
                if (k.length() == len && sameLower(text, pos, k)) {
                    return k;
                }
            }
        }
        return text.substring(pos, end).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean sameLower(String text, int pos, String lower) {
        for (int j = 0, n = lower.length(); j < n; j++) {
            if (lowerAscii(text.charAt(pos + j)) != lower.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private void add(String name, String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) <= ' ') {
            end--;
        }
        names.add(name);
        values.add(end == value.length() ? value : value.substring(0, end));
    }

    private static int skipBlanks(String text, int pos, int end) {
        while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    /** Position of the colon when the line is "Name: value" with a plausible field name. */
    private static int fieldColon(String text, int pos, int eol) {
        int limit = Math.min(eol, pos + 80);
        for (int i = pos; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i > pos ? i : -1;
            }
            if (c <= ' ' || c >= 0x7f) {
                // "Name :" occurs in the wild; anything else is not a field
                if (c == ' ' && i > pos) {
                    int j = skipBlanks(text, i, eol);
                    return j < eol && text.charAt(j) == ':' ? j : -1;
                }
                return -1;
            }
        }
        return -1;
    }

    int size() {
        return names.size();
    }

    int bodyStart() {
        return bodyStart;
    }

    String name(int i) {
        return names.get(i);
    }

    String value(int i) {
        return values.get(i);
    }

    /** First value of the field (lower-case name), or null. */
    String get(String lowerName) {
        for (int i = 0, n = names.size(); i < n; i++) {
            if (names.get(i).equals(lowerName)) {
                return values.get(i);
            }
        }
        return null;
    }

    String getOrEmpty(String lowerName) {
        String v = get(lowerName);
        return v == null ? "" : v;
    }

    boolean has(String lowerName) {
        return get(lowerName) != null;
    }

    List<String> all(String lowerName) {
        List<String> out = null;
        for (int i = 0, n = names.size(); i < n; i++) {
            if (names.get(i).equals(lowerName)) {
                if (out == null) {
                    out = new ArrayList<>(lowerName.equals("received") ? 16 : 2);
                }
                out.add(values.get(i));
            }
        }
        return out == null ? List.of() : out;
    }

    /** The first value with encoded-words decoded, or "". */
    String decoded(String lowerName) {
        String v = get(lowerName);
        return v == null ? "" : MailText.decodeWords(v);
    }
}
