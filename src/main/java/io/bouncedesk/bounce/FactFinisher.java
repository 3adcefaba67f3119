package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Locale;

/** Normalises a fact before classification: tidy text, status and reply codes, SMTP command. */
final class FactFinisher {

    private FactFinisher() {
    }

    static void finish(RecipientFact f) {
        f.diagnostic = collapse(f.diagnostic);
        f.context = collapse(f.context);
        if (!f.context.isEmpty() && f.context.length() > f.diagnostic.length() && !f.diagnostic.isEmpty()
                && f.context.toLowerCase(Locale.ROOT).contains(f.diagnosticLower())
                && sameCodes(f.diagnostic, f.context)) {
            f.diagnostic = f.context; // the report's own wording is the complete version of a truncated field
        }
        if (f.diagnosticType.isEmpty() && f.reason != BounceReason.FEEDBACK && f.reason != BounceReason.VACATION) {
            f.diagnosticType = "SMTP";
        }
        String inText = SmtpCodes.findStatus(f.diagnostic, ' ');
        String reply = SmtpCodes.findReply(f.diagnostic, inText.isEmpty() ? ' ' : inText.charAt(0));
        if (reply.isEmpty() && !inText.isEmpty()) {
            reply = SmtpCodes.findReply(f.diagnostic, ' ');
        }
        if (!SmtpCodes.isStatus(f.status)) {
            f.status = "";
        }
        f.status = SmtpCodes.prefer(f.status, inText, reply);
        if (f.replyCode.isEmpty()) {
            f.replyCode = reply;
        }
        if (!reply.isEmpty() && f.diagnostic.contains(reply + "-")) {
            f.diagnostic = unfoldMultiline(f.diagnostic, reply, inText);
        }
        if (f.command.isEmpty()) {
            f.command = commandOf(f.diagnostic);
        }
        if (f.command.isEmpty() && !f.context.isEmpty()) {
            f.command = commandOf(f.context);
        }
        if (f.command.isEmpty() && f.context.contains("while talking to") && f.context.contains("<<< ")
                && !f.context.contains(">>> ")) {
            f.command = "EHLO"; // Sendmail: the server answered the greeting with an error
        }
    }

    /**
     * "550-5.7.1 line one 550-5.7.1 line two 550 5.7.1 end" as one sentence, prefixed once with
     * the codes, so that phrases split over reply lines can be matched.
     */
    static String unfoldMultiline(String diag, String reply, String status) {
        String d = diag;
        if (!status.isEmpty()) {
            d = d.replace(reply + "-" + status, "").replace(reply + " " + status, "");
        }
        d = d.replace(reply + "-", "").replace(reply + " ", "");
        return collapse(reply + " " + status + " " + d);
    }

    /** Whether the longer text names no status code other than the shorter one's (it is the same error). */
    private static boolean sameCodes(String shorter, String longer) {
        String a = SmtpCodes.findStatus(shorter, ' ');
        for (String b : SmtpCodes.statusesIn(longer)) {
            if (!b.equals(a) && !SmtpCodes.isVague(b)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the failure is permanent, for the hard/soft rule of NOTACCEPT. */
    static boolean permanent(RecipientFact f, BounceReason reason) {
        String code = !f.status.isEmpty() ? f.status : f.replyCode;
        if (code.startsWith("4")) {
            return false;
        }
        if (code.startsWith("5")) {
            return true;
        }
        String lower = f.diagnosticLower();
        return !(lower.contains(" temporar") || lower.contains(" persistent"));
    }

    /** The SMTP command the diagnostic says failed, from wording first, then command names. */
    static String commandOf(String diag) {
        if (diag.isEmpty()) {
            return "";
        }
        int sent = diag.indexOf(">>> ");
        if (sent >= 0) { // a transcript: the command the client sent first failed
            String c = SmtpCodes.findCommand(diag.substring(sent, Math.min(diag.length(), sent + 24)));
            if (!c.isEmpty()) {
                return c;
            }
        }
        String lower = diag.toLowerCase(Locale.ROOT);
        if (lower.contains("after end of data") || lower.contains("final data") || lower.contains("end of data command")
                || lower.contains("after i sent the message") || lower.contains("after data")) {
            return "DATA";
        }
        if (lower.contains("after initial connection") || lower.contains("greeting")) {
            return "CONN";
        }
        if (lower.contains("my name was rejected")) {
            return "HELO";
        }
        if (lower.contains("sender was rejected")) {
            return "MAIL";
        }
        if (lower.contains("does not like recipient") || lower.contains("most progress was rcpt")) {
            return "RCPT";
        }
        return SmtpCodes.findCommand(diag);
    }

    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == '\u00a0' || (c == ' ' && s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    static String collapse(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (isCollapsed(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
