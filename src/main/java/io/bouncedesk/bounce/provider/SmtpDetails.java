package io.bouncedesk.bounce.provider;

import io.bouncedesk.bounce.SmtpReplyClassifier;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

/**
 * Reading SMTP details out of provider text, and the bounce verdict shared by all providers.
 * Hand-written scanners instead of regular expressions: this runs once per event.
 */
final class SmtpDetails {

    /** A bounce reason and the hard/soft type the domain rule gives it. */
    record Verdict(BounceReason reason, BounceType type) {
    }

    private SmtpDetails() {
    }

    /**
     * The reason of a failure. The server's text wins over a provider's category because it is the
     * more specific evidence, and the status code comes last because servers reuse codes loosely
     * (the classifier's own rule); text that says nothing known leaves the reason on hold. A strong
     * hint (SES NoEmail, MailboxFull) wins over the text: the provider read the whole DSN to decide it.
     */
    static BounceReason reason(String replyCode, String status, String text, BounceReason hint, boolean strongHint) {
        if (hint != null && strongHint) {
            return hint;
        }
        BounceReason byText = byText(text);
        if (byText != null) {
            return byText;
        }
        if (hint != null) {
            return hint;
        }
        return SmtpReplyClassifier.classify(replyCode, status, text);
    }

    /** The classifier's verdict on the text alone, or null when the text says nothing it knows. */
    static BounceReason byText(String text) {
        return SmtpReplyClassifier.said(text);
    }

    /**
     * Hard or soft by the domain rule. Permanence comes from the SMTP status where there is one;
     * only without a status does the provider's own word (SES Permanent, Mailgun severity) count,
     * and even then it cannot make a soft reason hard: only userunknown, hostunknown, hasmoved and
     * a permanent notaccept are hard.
     */
    static Verdict verdict(BounceReason reason, String replyCode, String status, Boolean providerPermanent) {
        boolean permanent = replyCode != null || status != null
                ? SmtpReplyClassifier.isPermanent(replyCode, status)
                : Boolean.TRUE.equals(providerPermanent);
        return new Verdict(reason, reason.type(permanent));
    }

    /** The 3-digit reply code at the start of a diagnostic ("smtp; 550 5.1.1 ...", "250 OK"), or null. */
    static String replyCode(String text) {
        if (text == null) {
            return null;
        }
        int i = skipDiagnosticType(text);
        if (i + 3 > text.length()) {
            return null;
        }
        char c = text.charAt(i);
        if ((c == '2' || c == '4' || c == '5') && isDigit(text, i + 1) && isDigit(text, i + 2)
                && !isDigit(text, i + 3) && !isChar(text, i + 3, '.')) {
            return text.substring(i, i + 3);
        }
        return null;
    }

    /** The first RFC 3463 status (2.x.x, 4.x.x, 5.x.x) standing alone in the text, or null. */
    static String enhancedStatus(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        for (int i = 0; i + 4 < n; i++) {
            char c = text.charAt(i);
            if ((c != '2' && c != '4' && c != '5') || text.charAt(i + 1) != '.' || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                continue;
            }
            int j = digits(text, i + 2, 3);
            if (j < 0 || !isChar(text, j, '.')) {
                continue;
            }
            int k = digits(text, j + 1, 3);
            if (k < 0 || (k < n && (isWordChar(text.charAt(k)) || isChar(text, k, '.') && isDigit(text, k + 1)))) {
                continue;
            }
            return text.substring(i, k);
        }
        return null;
    }

    /** Normalises a status field ("5.1.1", "smtp; 5.1.1") to the bare status, or null. */
    static String status(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        return enhancedStatus(field);
    }

    /** Only real SMTP reply codes: Mailgun uses 605 and similar for its own refusals. */
    static String smtpCode(String code) {
        if (code == null || code.length() != 3) {
            return null;
        }
        char c = code.charAt(0);
        return (c >= '2' && c <= '5') && isDigit(code, 1) && isDigit(code, 2) ? code : null;
    }

    // "smtp; 550 ..." and "X-Postfix; ..." carry the diagnostic type first (RFC 3464).
    private static int skipDiagnosticType(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int semi = text.indexOf(';', i);
        if (semi > i && semi - i <= 12 && !isDigit(text, i)) {
            i = semi + 1;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static int digits(String s, int from, int max) {
        int i = from;
        while (i < s.length() && i - from < max && isDigit(s, i)) {
            i++;
        }
        return i == from || isDigit(s, i) ? -1 : i;
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean isChar(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
