package io.bouncedesk.domain;

import org.junit.jupiter.api.Test;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EmailAddress checks syntax by hand for speed; these are the regular expressions it was written
 * from, and the normalisation it replaced, as the reference over many generated inputs.
 */
class EmailAddressSyntaxTest {

    private static final Pattern LOCAL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    /** EmailAddress.of as it was, with IDN conversion of every domain and the regexes. */
    private static EmailAddress reference(String raw) {
        String trimmed = raw.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return new EmailAddress(trimmed, trimmed.toLowerCase(Locale.ROOT), "", false);
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
        return new EmailAddress(local + "@" + ascii, local.toLowerCase(Locale.ROOT) + "@" + ascii, ascii, valid);
    }

    private static String random(Random rng, String alphabet, int maxLength) {
        int n = rng.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void handWrittenChecksAgreeWithTheRegularExpressions() {
        Random rng = new Random(7);
        String localChars = "aZ09.!#$%&'*+/=?^_`{|}~-\"( )@,;\\é";
        String domainChars = "az09.-_Aé ";
        for (int i = 0; i < 300_000; i++) {
            String local = random(rng, localChars, i % 50 == 0 ? 80 : 8);
            assertThat(EmailAddress.isDotAtom(local)).as(local).isEqualTo(LOCAL.matcher(local).matches());
            String domain = random(rng, domainChars, i % 50 == 0 ? 140 : 12);
            assertThat(EmailAddress.isHostName(domain)).as(domain).isEqualTo(DOMAIN.matcher(domain).matches());
        }
        for (String d : List.of("a.b", "a-b.c", "-a.b", "a-.b", "a.b-", "a.1b", "1.a", "a", "a.", ".a", "a..b",
                "x".repeat(63) + ".de", "x".repeat(64) + ".de", "de." + "y".repeat(63), "de." + "y".repeat(64))) {
            assertThat(EmailAddress.isHostName(d)).as(d).isEqualTo(DOMAIN.matcher(d).matches());
        }
    }

    @Test
    void normalisationIsUnchanged() {
        Random rng = new Random(11);
        List<String> fixed = List.of("Ann.Smith@Example.ORG", " <bob@example.org> ", "cat@example.org.", "dan@",
                "@example.org", "no-at-sign", "Łucja@Przykład.PL", "x@bücher.de", "a@b@c.de", "eve@exa mple.org",
                "\"quoted\"@example.org", "ivy@" + "x".repeat(64) + ".com", "jo@xn--bcher-kva.de", "kim@a..b",
                "");
        for (String raw : fixed) {
            assertThat(EmailAddress.of(raw)).as(raw).isEqualTo(reference(raw));
        }
        String chars = "aB0.-_@ <>éü+Ł";
        for (int i = 0; i < 200_000; i++) {
            String raw = random(rng, chars, i % 50 == 0 ? 100 : 16);
            assertThat(EmailAddress.of(raw)).as(raw).isEqualTo(reference(raw));
        }
    }
}
