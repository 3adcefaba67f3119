package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Locale;

/**
 * Classifies one SMTP reply (reply code, RFC 3463 enhanced status, diagnostic text) into a
 * bounce reason. Used for the simulated transport's replies and by the bounce-message parser.
 * The text is consulted first because enhanced codes are reused loosely by real servers
 * (5.7.1 is spam, policy and relaying depending on who sends it).
 */
public final class SmtpReplyClassifier {

    private SmtpReplyClassifier() {
    }

    public static BounceReason classify(String replyCode, String enhancedStatus, String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        // A temporary reply (4xx) never says for good that the mailbox or domain is gone: the
        // server will answer again ("Recipient address rejected: Greylisted, try again later").
        boolean temporary = isTemporary(replyCode, enhancedStatus);
        for (BounceReason candidate : new BounceReason[] {byText(t), byStatus(enhancedStatus), byReplyCode(replyCode)}) {
            if (candidate != null && !(temporary && candidate.type(true) == io.bouncedesk.domain.BounceType.HARD)) {
                return candidate;
            }
        }
        return BounceReason.UNDEFINED;
    }

    private static boolean isTemporary(String replyCode, String enhancedStatus) {
        if (enhancedStatus != null && !enhancedStatus.isBlank()) {
            return enhancedStatus.strip().startsWith("4");
        }
        return replyCode != null && replyCode.strip().startsWith("4");
    }

    /** Whether the reply or status says the failure is permanent (5xx / 5.x.x). */
    public static boolean isPermanent(String replyCode, String enhancedStatus) {
        if (enhancedStatus != null && !enhancedStatus.isBlank()) {
            return enhancedStatus.strip().startsWith("5");
        }
        return replyCode != null && replyCode.strip().startsWith("5");
    }

    private static BounceReason byText(String t) {
        if (t.isEmpty()) {
            return null;
        }
        if (containsAny(t, "greylist", "graylist")) {
            return BounceReason.SPEEDING;
        }
        if (containsAny(t, "dmarc", "spf check", "dkim", "authentication required", "sender authentication")) {
            return BounceReason.AUTHFAILURE;
        }
        if (containsAny(t, "user unknown", "unknown user", "no such user", "mailbox unavailable",
                "does not exist", "recipient address rejected", "no mailbox", "invalid recipient",
                "address rejected", "unknown recipient", "mailbox not found", "user not found")) {
            return BounceReason.USERUNKNOWN;
        }
        if (containsAny(t, "host not found", "domain not found", "no mx", "host unknown",
                "domain does not exist", "unrouteable", "name or service not known")) {
            return BounceReason.HOSTUNKNOWN;
        }
        if (containsAny(t, "mailbox full", "over quota", "quota exceeded", "mailbox is full", "insufficient storage")) {
            return BounceReason.MAILBOXFULL;
        }
        if (containsAny(t, "rejected as spam", "spam detected", "message is spam", "looks like spam", "spam content")) {
            return BounceReason.SPAMDETECTED;
        }
        if (containsAny(t, "reputation", "listed on", "blocklist", "blacklist", "dnsbl", "spamhaus")) {
            return BounceReason.BLOCKED;
        }
        if (containsAny(t, "reverse dns", "ptr record", "no ptr")) {
            return BounceReason.REQUIREPTR;
        }
        if (containsAny(t, "too many connections", "connection limit")) {
            return BounceReason.TOOMANYCONN;
        }
        if (containsAny(t, "rate limit", "try again later", "too many messages", "throttl", "deferred due to")) {
            return BounceReason.SPEEDING;
        }
        if (containsAny(t, "timed out", "timeout", "connection refused", "network is unreachable")) {
            return BounceReason.NETWORKERROR;
        }
        if (containsAny(t, "message too large", "message size exceeds", "too big")) {
            return BounceReason.MESGTOOBIG;
        }
        if (containsAny(t, "virus", "malware")) {
            return BounceReason.VIRUSDETECTED;
        }
        if (containsAny(t, "relay access denied", "relaying denied", "not permitted to relay")) {
            return BounceReason.NORELAYING;
        }
        if (containsAny(t, "account disabled", "account has been disabled", "suspended", "inactive account")) {
            return BounceReason.SUSPEND;
        }
        if (containsAny(t, "policy", "not allowed")) {
            return BounceReason.POLICYVIOLATION;
        }
        return null;
    }

    private static BounceReason byStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String s = status.strip();
        String detail = s.length() > 2 ? s.substring(2) : "";
        return switch (detail) {
            case "1.1", "1.0", "1.6" -> s.startsWith("5") ? BounceReason.USERUNKNOWN : null;
            case "1.2" -> BounceReason.HOSTUNKNOWN;
            case "1.3" -> BounceReason.SYNTAXERROR;
            case "1.10" -> BounceReason.NOTACCEPT;
            case "2.1" -> BounceReason.SUSPEND;
            case "2.2", "2.0" -> BounceReason.MAILBOXFULL;
            case "2.3", "3.4" -> BounceReason.MESGTOOBIG;
            case "3.1" -> BounceReason.SYSTEMFULL;
            case "3.0", "3.5" -> BounceReason.SYSTEMERROR;
            case "4.1", "4.2", "4.0" -> BounceReason.NETWORKERROR;
            case "4.4" -> BounceReason.HOSTUNKNOWN;
            case "4.7" -> BounceReason.EXPIRED;
            case "4.5" -> BounceReason.SYSTEMFULL;
            case "5.3" -> BounceReason.TOOMANYCONN;
            case "6.0", "6.1", "6.2", "6.3", "6.4", "6.5" -> BounceReason.CONTENTERROR;
            case "7.1" -> BounceReason.REJECTED;
            case "7.0" -> BounceReason.SECURITYERROR;
            case "7.23", "7.24", "7.25", "7.26", "7.27", "7.20", "7.21", "7.22" -> BounceReason.AUTHFAILURE;
            case "7.7", "7.5" -> BounceReason.SECURITYERROR;
            case "7.28" -> BounceReason.SPEEDING;
            default -> null;
        };
    }

    private static BounceReason byReplyCode(String replyCode) {
        if (replyCode == null) {
            return BounceReason.UNDEFINED;
        }
        return switch (replyCode.strip()) {
            case "550", "551", "553" -> BounceReason.REJECTED;
            case "552" -> BounceReason.MAILBOXFULL;
            case "421", "450", "451" -> BounceReason.SPEEDING;
            case "452" -> BounceReason.MAILBOXFULL;
            case "554" -> BounceReason.REJECTED;
            default -> BounceReason.UNDEFINED;
        };
    }

    private static boolean containsAny(String haystack, String... needles) {
        for (String needle : needles) {
            if (haystack.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
