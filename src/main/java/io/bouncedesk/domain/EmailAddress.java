package io.bouncedesk.domain;

import java.net.IDN;
import java.util.Locale;

/**
 * A normalised email address (domain rules, section 1): trimmed, domain lower-cased and converted
 * from IDN to ASCII, local part kept as written. {@link #key()} is the case-insensitive identity
 * under which bounces are stored. An address with bad syntax is still representable
 * ({@link #valid()} false) so that the send can report it as Not sent.
 */
public record EmailAddress(String value, String key, String domain, boolean valid) {

    // Pragmatic RFC 5321 subset: dot-atom local part, at least one dot in the domain, labels of LDH
    // (isDotAtom and isHostName; EmailAddressSyntaxTest holds them to the equivalent regexes).

    public EmailAddress {
        if (value == null || key == null) {
            throw new IllegalArgumentException("address must not be null");
        }
    }

    /** Normalises any input; never throws for bad syntax (the result is then not valid). */
    public static EmailAddress of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            String k = trimmed.toLowerCase(Locale.ROOT);
            return new EmailAddress(trimmed, k, "", false);
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String ascii;
        if (isAscii(domain)) {
            ascii = domain; // IDN conversion leaves ASCII alone (or refuses it, which keeps it as written)
        } else {
            try {
                ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                ascii = domain;
            }
        }
        boolean valid = local.length() <= 64 && ascii.length() <= 253 && isDotAtom(local) && isHostName(ascii);
        String value = local + "@" + ascii;
        return new EmailAddress(value, local.toLowerCase(Locale.ROOT) + "@" + ascii, ascii, valid);
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The LOCAL pattern, by hand: it runs for every address of every import and send. */
    static boolean isDotAtom(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '.' || s.charAt(n - 1) == '.') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (prev == '.') {
                    return false;
                }
            } else if (!isAtext(c)) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    private static boolean isAtext(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }

    /**
     * The DOMAIN pattern, by hand: two or more labels of 1 to 63 lower-case letters, digits and
     * hyphens, not starting or ending with a hyphen, the last one starting with a letter.
     */
    static boolean isHostName(String s) {
        int n = s.length();
        int labels = 0;
        int start = 0;
        while (true) {
            int end = s.indexOf('.', start);
            int stop = end < 0 ? n : end;
            int len = stop - start;
            if (len < 1 || len > 63 || s.charAt(start) == '-' || s.charAt(stop - 1) == '-') {
                return false;
            }
            for (int i = start; i < stop; i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
            labels++;
            if (end < 0) {
                char first = s.charAt(start);
                return labels >= 2 && first >= 'a' && first <= 'z';
            }
            start = end + 1;
        }
    }

    /** Normalises and insists on valid syntax. */
    public static EmailAddress parseValid(String raw) {
        EmailAddress address = of(raw);
        if (!address.valid()) {
            throw new IllegalArgumentException("Not a valid email address: '" + raw + "'");
        }
        return address;
    }

    /** The case-insensitive key of any raw address, for look-ups. */
    public static String keyOf(String raw) {
        return of(raw).key();
    }

    @Override
    public String toString() {
        return value;
    }
}
