package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Locale;

/**
 * RFC 3834 automatic responses (out-of-office and the like). The replying person is the
 * recipient. System mail (root, postmaster, mailer-daemon) is never an auto-reply.
 */
final class AutoReplies {

    private static final String[] NOT_FROM = {"root@", "postmaster@", "mailer-daemon@"};
    private static final String[] NOT_SUBJECT = {"security information for", "mail failure -"};
    private static final String[] SUBJECT_PREFIXES = {
        "auto:", "auto response:", "automatic reply:", "out of office:", "out of the office:", "autoreply:",
        "auto-reply:", "automatische antwort:", "réponse automatique :",
    };

    private AutoReplies() {
    }

    static RecipientFact fact(Notification n) {
        MailHeaders h = n.headers;
        String from = h.decoded("from").toLowerCase(Locale.ROOT);
        for (String s : NOT_FROM) {
            if (from.contains(s)) {
                return null;
            }
        }
        if (h.getOrEmpty("to").toLowerCase(Locale.ROOT).contains("root@")) {
            return null;
        }
        for (String s : NOT_SUBJECT) {
            if (n.subjectLower.contains(s)) {
                return null;
            }
        }
        if (!isAutoReply(h, n.subjectLower)) {
            return null;
        }
        String addr = Addresses.first(h.get("from"));
        if (addr.isEmpty()) {
            addr = Addresses.first(h.get("return-path"));
        }
        if (addr.isEmpty()) {
            return null;
        }
        RecipientFact f = new RecipientFact(addr);
        f.reason = BounceReason.VACATION;
        f.diagnosticType = "";
        f.diagnostic = firstLines(n.text());
        f.date = h.getOrEmpty("date");
        return f;
    }

    static boolean isAutoReply(MailHeaders h, String subjectLower) {
        String auto = h.getOrEmpty("auto-submitted").strip().toLowerCase(Locale.ROOT);
        if (auto.startsWith("auto-replied") || auto.startsWith("auto-generated") || auto.startsWith("auto-notified")) {
            return true;
        }
        if (h.getOrEmpty("precedence").strip().toLowerCase(Locale.ROOT).startsWith("auto_reply")) {
            return true;
        }
        if (h.getOrEmpty("x-apple-action").toLowerCase(Locale.ROOT).startsWith("vacation")
                || h.has("x-autoreply") || h.has("x-autorespond")) {
            return true;
        }
        for (String p : SUBJECT_PREFIXES) {
            if (subjectLower.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLines(String body) {
        String t = body.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) : t;
    }
}
