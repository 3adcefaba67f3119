package io.bouncedesk.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for receiving mail servers. Each address gets a fate from a seeded
 * hash (most deliver; some are unknown users, dead domains, full mailboxes, greylisting,
 * throttling, spam and reputation blocks, DMARC failures, timeouts...), so the same seed always
 * produces the same replies, and the replies are written the way real servers write them.
 * Fates cover every category of the domain rules' section 5.
 */
public final class SimulatedTransport implements DeliveryTransport {

    /** What a receiving server does with mail for one address; weights are per 10,000 addresses. */
    enum Fate {
        // HOST_UNKNOWN is a property of a domain, not of an address: it comes from NONEXISTENT_DOMAINS only
        USER_UNKNOWN(150), HOST_UNKNOWN(0), HAS_MOVED(10), SUSPENDED(30),
        MAILBOX_FULL(60), MAILBOX_FULL_BRIEFLY(80), GREYLISTED(150), THROTTLED(60), TOO_MANY_CONNECTIONS(15),
        SPAM_REJECTED(40), BLOCKLISTED(20), DMARC_REJECTED(25), NO_PTR(10), CONTENT_REJECTED(15),
        TOO_BIG(10), TIMEOUT(30), SYSTEM_ERROR(10), POLICY(10), DELIVER(0);

        final int weight;

        Fate(int weight) {
            this.weight = weight;
        }
    }

    /** Mistyped domains that have no mail server, as people write them on paper forms. */
    public static final List<String> NONEXISTENT_DOMAINS = List.of("gmial.com", "hotmial.com", "outlok.com",
            "yaho.com", "seznam.cy", "wp.ppl", "orange.fe", "gmai.com");

    private final long seed;

    public SimulatedTransport(long seed) {
        this.seed = seed;
    }

    Fate fateOf(String address) {
        int slot = (int) Long.remainderUnsigned(mix(seed ^ address.toLowerCase(Locale.ROOT).hashCode()), 10_000);
        for (Fate f : Fate.values()) {
            if (slot < f.weight) {
                return f;
            }
            slot -= f.weight;
        }
        return Fate.DELIVER;
    }

    @Override
    public Reply deliver(OutgoingMessage m, int attemptNo, Instant at) {
        String to = m.to();
        String domain = to.substring(to.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String mx = mxOf(domain);
        boolean thisEmail = (mix(seed * 31 + m.emailId() * 7919 + to.hashCode()) & 1) == 0;
        Fate fate = NONEXISTENT_DOMAINS.contains(domain) ? Fate.HOST_UNKNOWN : fateOf(to);
        return switch (fate) {
            case USER_UNKNOWN -> new Reply("550", "5.1.1", "550 5.1.1 <" + to + ">: Recipient address rejected: "
                    + "User unknown in virtual mailbox table", mx);
            case HOST_UNKNOWN -> new Reply("550", "5.1.2", "Host or domain name not found. Name service error for name="
                    + domain + " type=MX: Host not found", null);
            case HAS_MOVED -> new Reply("551", "5.1.6", "551 5.1.6 User has moved; please try <"
                    + to.substring(0, to.indexOf('@')) + "@new-" + domain + ">", mx);
            case SUSPENDED -> new Reply("550", "5.2.1", "550 5.2.1 The email account that you tried to reach is "
                    + "disabled.", mx);
            case MAILBOX_FULL -> new Reply("452", "4.2.2", "452 4.2.2 <" + to + ">: Mailbox full, quota exceeded", mx);
            case MAILBOX_FULL_BRIEFLY -> attemptNo <= 2
                    ? new Reply("452", "4.2.2", "452 4.2.2 The email account that you tried to reach is over quota.", mx)
                    : accepted(mx, m, attemptNo);
            case GREYLISTED -> attemptNo == 1
                    ? new Reply("451", "4.7.1", "451 4.7.1 <" + to + ">: Recipient address rejected: Greylisted, "
                    + "please try again in 300 seconds", mx)
                    : accepted(mx, m, attemptNo);
            case THROTTLED -> attemptNo <= 2
                    ? new Reply("421", "4.7.28", "421 4.7.28 Our system has detected an unusual rate of unsolicited "
                    + "mail originating from your IP address. Try again later.", mx)
                    : accepted(mx, m, attemptNo);
            case TOO_MANY_CONNECTIONS -> attemptNo == 1
                    ? new Reply("421", "4.7.0", "421 4.7.0 Too many connections from your host, try again later", mx)
                    : accepted(mx, m, attemptNo);
            case SPAM_REJECTED -> thisEmail
                    ? new Reply("554", "5.7.1", "554 5.7.1 Message rejected as spam by Content Filtering.", mx)
                    : accepted(mx, m, attemptNo);
            case BLOCKLISTED -> new Reply("554", "5.7.1", "554 5.7.1 Service unavailable; Client host [203.0.113.25] "
                    + "blocked using zen.spamhaus.org", mx);
            case DMARC_REJECTED -> new Reply("550", "5.7.26", "550 5.7.26 Unauthenticated email from "
                    + m.from().substring(m.from().indexOf('@') + 1) + " is not accepted due to domain's DMARC policy.", mx);
            case NO_PTR -> new Reply("550", "5.7.25", "550 5.7.25 The IP address sending this message does not have a "
                    + "PTR record setup.", mx);
            case CONTENT_REJECTED -> thisEmail
                    ? new Reply("550", "5.6.0", "550 5.6.0 Message content rejected: contains disallowed URL", mx)
                    : accepted(mx, m, attemptNo);
            case TOO_BIG -> new Reply("552", "5.3.4", "552 5.3.4 Message size exceeds fixed limit", mx);
            case TIMEOUT -> attemptNo <= 3
                    ? new Reply("", "4.4.1", "Connection timed out while talking to " + mx, mx)
                    : accepted(mx, m, attemptNo);
            case SYSTEM_ERROR -> attemptNo == 1
                    ? new Reply("451", "4.3.0", "451 4.3.0 Internal server error", mx)
                    : accepted(mx, m, attemptNo);
            case POLICY -> new Reply("550", "5.7.1", "550 5.7.1 Message rejected due to local policy", mx);
            case DELIVER -> accepted(mx, m, attemptNo);
        };
    }

    private Reply accepted(String mx, OutgoingMessage m, int attemptNo) {
        String queueId = Long.toHexString(mix(seed + m.recipientId() * 131 + attemptNo)).toUpperCase(Locale.ROOT);
        return new Reply("250", "2.0.0", "250 2.0.0 Ok: queued as " + queueId.substring(0, Math.min(10, queueId.length())), mx);
    }

    private static String mxOf(String domain) {
        return switch (domain) {
            case "gmail.com" -> "gmail-smtp-in.l.google.com";
            case "outlook.com", "hotmail.com" -> domain.replace('.', '-') + ".olc.protection.outlook.com";
            default -> "mx1." + domain;
        };
    }

    /** SplitMix64 finaliser: a cheap, well-spread deterministic hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
