package io.bouncedesk.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised email address (domain rules, section 1): trimmed, domain lower-cased and converted
 * from IDN to ASCII, local part kept as written. {@link #key()} is the case-insensitive identity
 * under which bounces are stored. An address with bad syntax is still representable
 * ({@link #valid()} false) so that the send can report it as Not sent.
 */
public record EmailAddress(String value, String key, String domain, boolean valid) {

    // Pragmatic RFC 5321 subset: dot-atom local part, at least one dot in the domain, labels of LDH.
    private static final Pattern LOCAL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

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
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            ascii = domain;
        }
        boolean valid = local.length() <= 64 && ascii.length() <= 253
                && LOCAL.matcher(local).matches() && DOMAIN.matcher(ascii).matches();
        String value = local + "@" + ascii;
        return new EmailAddress(value, local.toLowerCase(Locale.ROOT) + "@" + ascii, ascii, valid);
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
