package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.EmailAddress;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code EmailAddress.of(raw).value()}, with the domain half memoised. Normalising a domain (IDN
 * conversion, and the syntax regexes EmailAddress runs on the way) costs more than the rest of
 * an event, and an export names few domains. The domain is still normalised by EmailAddress
 * itself; only the split at the last '@' is repeated here, and anything unusual (no local part,
 * no domain, angle brackets) goes to EmailAddress whole. RecipientsTest pins the equivalence.
 */
final class Recipients {

    private static final int MAX_DOMAINS = 50_000;
    private static final ConcurrentHashMap<String, String> DOMAINS = new ConcurrentHashMap<>();

    private Recipients() {
    }

    static String normalise(String raw) {
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.charAt(0) == '<') {
            return EmailAddress.of(raw).value();
        }
        String rawDomain = trimmed.substring(at + 1);
        String domain = DOMAINS.get(rawDomain);
        if (domain == null) {
            domain = EmailAddress.of("x@" + rawDomain).domain();
            if (DOMAINS.size() >= MAX_DOMAINS) {
                DOMAINS.clear(); // a file of that many domains is not worth memoising
            }
            DOMAINS.put(rawDomain, domain);
        }
        return trimmed.substring(0, at + 1).concat(domain);
    }
}
