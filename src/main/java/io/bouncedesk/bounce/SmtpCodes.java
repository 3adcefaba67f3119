package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.HashMap;
import java.util.Map;

/**
 * Finding RFC 3463 enhanced status codes, SMTP reply codes and SMTP commands in free text, and
 * the reason an enhanced status code stands for on its own.
 */
final class SmtpCodes {

    private static final Map<String, BounceReason> BY_STATUS = new HashMap<>();

    static {
        // Only codes whose meaning is specific enough; x.0.0, 4.3.0, 4.7.0 and friends say nothing.
        put(BounceReason.DELIVERED, "2.1.5");
        put(BounceReason.HASMOVED, "4.1.6", "5.1.6", "5.7.17", "5.7.18");
        put(BounceReason.REJECTED, "4.1.7", "4.1.8", "5.1.7", "5.1.8");
        put(BounceReason.SYSTEMERROR, "4.1.9", "4.3.3", "4.3.5", "4.4.3", "4.5.3", "4.5.5", "5.1.9", "5.3.0",
                "5.3.3", "5.3.5", "5.4.3", "5.5.4", "5.5.5");
        put(BounceReason.BLOCKED, "4.2.1", "4.7.1", "4.7.2");
        put(BounceReason.MAILBOXFULL, "4.2.2", "5.2.2");
        put(BounceReason.EXCEEDLIMIT, "4.2.3", "5.2.3");
        put(BounceReason.FILTERED, "4.2.4", "5.1.4", "5.2.0", "5.2.1", "5.2.4");
        put(BounceReason.SYSTEMFULL, "4.3.1", "4.4.5", "5.3.1");
        put(BounceReason.NOTACCEPT, "4.3.2", "5.1.10", "5.3.2", "5.7.27");
        put(BounceReason.EXPIRED, "4.4.1", "4.4.7");
        put(BounceReason.NETWORKERROR, "4.4.2", "4.4.4", "4.4.6", "4.4.8", "5.4.0");
        put(BounceReason.CONTENTERROR, "4.6.0", "4.6.2", "4.6.5", "5.6.0", "5.6.1", "5.6.2", "5.6.3", "5.6.5",
                "5.6.6", "5.6.7", "5.6.8", "5.6.9");
        put(BounceReason.SECURITYERROR, "4.7.5", "4.7.6", "4.7.7", "4.7.12", "4.7.15", "5.7.0", "5.7.1", "5.7.2",
                "5.7.3", "5.7.4", "5.7.5", "5.7.6", "5.7.7", "5.7.8", "5.7.9", "5.7.10", "5.7.11", "5.7.14",
                "5.7.15", "5.7.19");
        put(BounceReason.MESGTOOBIG, "4.7.16", "5.3.4", "5.7.16");
        put(BounceReason.AUTHFAILURE, "4.7.24", "4.7.26", "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24",
                "5.7.26", "5.7.29");
        put(BounceReason.REQUIREPTR, "4.7.25", "5.7.25");
        put(BounceReason.USERUNKNOWN, "5.1.0", "5.1.1", "5.1.3");
        put(BounceReason.HOSTUNKNOWN, "5.1.2", "5.4.4");
        put(BounceReason.SYNTAXERROR, "5.5.2", "5.5.6");
        put(BounceReason.TOOMANYCONN, "5.5.3");
        put(BounceReason.SUSPEND, "5.7.13");
        put(BounceReason.SPAMDETECTED, "5.7.28");
        put(BounceReason.SPEEDING, "4.7.28"); // RFC 7372 mail flood, for now: the sender is being rate limited
    }

    private static void put(BounceReason reason, String... codes) {
        for (String c : codes) {
            BY_STATUS.put(c, reason);
        }
    }

    private SmtpCodes() {
    }

    /** The reason an enhanced status code names by itself, or null. */
    static BounceReason reasonOf(String status) {
        return status == null || status.isEmpty() ? null : BY_STATUS.get(status);
    }

    static boolean isStatus(String s) {
        if (s == null || s.length() < 5 || s.length() > 9) {
            return false;
        }
        return findStatus(s, ' ').equals(s);
    }

    /**
     * The most telling enhanced status code in a text ("5.1.1"), preferring a specific one over
     * x.0.0 and 4.4.7. {@code classHint} '4' or '5' restricts the class, anything else allows 2, 4, 5.
     */
    static String findStatus(String text, char classHint) {
        if (text == null || text.length() < 5) {
            return "";
        }
        StatusCollector c = new StatusCollector();
        scanStatuses(text, classHint, c);
        return c.chosen.isEmpty() ? c.vague : c.chosen;
    }

    /** Folds codes as they are found: the first vague one, and the preferred specific one. */
    private static final class StatusCollector {
        String chosen = "";
        String vague = "";
        java.util.List<String> all;

        void add(String code) {
            if (all != null) {
                all.add(code);
            }
            if (isVague(code)) {
                if (vague.isEmpty()) {
                    vague = code;
                }
            } else {
                chosen = chosen.isEmpty() ? code : prefer(chosen, code, ""); // "5.1.0 ... 5.7.1": the specific one
            }
        }
    }

    private static void scanStatuses(String text, char classHint, StatusCollector out) {
        int n = text.length();
        for (int i = 0; i + 4 < n; i++) {
            char c = text.charAt(i);
            if (c != '2' && c != '4' && c != '5') {
                continue;
            }
            if ((classHint == '4' || classHint == '5') && c != classHint) {
                continue;
            }
            if (text.charAt(i + 1) != '.') {
                continue;
            }
            if (i > 0) {
                char p = text.charAt(i - 1);
                if ((p >= '0' && p <= '9') || p == '.' || p == '/' || p == 'v' || p == 'V') {
                    continue; // part of a longer number, a path or a version
                }
            }
            char subject = text.charAt(i + 2);
            if (subject < '0' || subject > '7' || text.charAt(i + 3) != '.') {
                continue;
            }
            int j = i + 4;
            int digits = 0;
            while (j < n && digits < 4 && Character.isDigit(text.charAt(j))) {
                j++;
                digits++;
            }
            if (digits == 0 || digits > 3) {
                continue;
            }
            if (j < n && text.charAt(j) == '.' && j + 1 < n && Character.isDigit(text.charAt(j + 1))) {
                i = j; // an IPv4 address or a version number
                continue;
            }
            out.add(text.substring(i, j));
            i = j - 1;
        }
    }

    /** Every enhanced status code in a text, in order. */
    static java.util.List<String> statusesIn(String text) {
        StatusCollector c = new StatusCollector();
        c.all = new java.util.ArrayList<>(2);
        if (text != null && text.length() >= 5) {
            scanStatuses(text, ' ', c);
        }
        return c.all;
    }

    static boolean isVague(String code) {
        return code.endsWith(".0.0") || code.equals("4.4.7");
    }

    /**
     * Chooses between the Status: field and the code inside the diagnostic text; the reply code's
     * class decides when they disagree on the class.
     */
    static String prefer(String field, String inText, String reply) {
        if (field.isEmpty()) {
            return inText;
        }
        if (inText.isEmpty() || field.equals(inText)) {
            return field;
        }
        if (!reply.isEmpty() && field.charAt(0) != inText.charAt(0)) {
            if (reply.charAt(0) == field.charAt(0)) {
                return field;
            }
            if (reply.charAt(0) == inText.charAt(0)) {
                return inText;
            }
        }
        if (field.endsWith(".0.0") || field.substring(1).startsWith(".0.") || field.endsWith(".0")) {
            return inText.endsWith(".0.0") ? field : inText;
        }
        if (inText.endsWith(".0.0")) {
            return field;
        }
        if (field.equals("4.4.7") || field.equals("4.7.0") || field.startsWith("5.3.")
                || field.startsWith(".5.", 1)) {
            return inText;
        }
        if (field.equals("5.1.1")) {
            return inText.startsWith("5.5.") || inText.indexOf(".0") > 0 ? field : inText;
        }
        if (field.equals("5.1.3") && inText.startsWith("5.7.")) {
            return inText;
        }
        return field;
    }

    /** The first plausible SMTP reply code (550, 421, ...) in a text, of the given class if known. */
    static String findReply(String text, char classHint) {
        if (text == null || text.length() < 3) {
            return "";
        }
        int n = text.length();
        for (int i = 0; i + 2 < n; i++) {
            char c = text.charAt(i);
            if (c != '2' && c != '4' && c != '5') {
                continue;
            }
            if ((classHint == '2' || classHint == '4' || classHint == '5') && c != classHint) {
                continue;
            }
            char b = text.charAt(i + 1);
            char d = text.charAt(i + 2);
            if (!Character.isDigit(b) || !Character.isDigit(d)) {
                continue;
            }
            if (i > 0) {
                char p = text.charAt(i - 1);
                if ((p >= '0' && p <= '9') || p == '.' || p == '/' || p == '#' || p == ':' && i > 1
                        && Character.isDigit(text.charAt(i - 2)) || Character.isLetter(p)) {
                    continue;
                }
            }
            if (i + 3 < n) {
                char a = text.charAt(i + 3);
                if ((a >= '0' && a <= '9') || a == '.' && i + 4 < n && Character.isDigit(text.charAt(i + 4))
                        || Character.isLetter(a) || a == '/' || a == '@') {
                    continue;
                }
            }
            String code = text.substring(i, i + 3);
            if (isReplyCode(code)) {
                return code;
            }
        }
        return "";
    }

    static boolean isReplyCode(String code) {
        int v;
        try {
            v = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return false;
        }
        if (v < 211 || v > 556 || v % 100 > 59) {
            return false;
        }
        if (v / 100 == 2) {
            return v == 235 || v <= 221 || (v >= 250 && v <= 253);
        }
        if (v / 100 == 3) {
            return v == 334 || v == 354;
        }
        return true;
    }

    /** The last SMTP command named in a text: CONN, HELO, EHLO, MAIL, RCPT, DATA, ... or "". */
    static String findCommand(String text) {
        if (text == null || text.length() < 4) {
            return "";
        }
        String found = "";
        int best = -1;
        for (String cmd : new String[]{"HELO", "EHLO", "STARTTLS", "AUTH", "MAIL F", "MAIL", "RCPT", "DATA", "QUIT"}) {
            int from = 0;
            while (true) {
                int p = text.indexOf(cmd, from);
                if (p < 0) {
                    break;
                }
                from = p + 1;
                int e = p + cmd.length();
                boolean wordStart = p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1)) && text.charAt(p - 1) != '@'
                        && text.charAt(p - 1) != '.';
                boolean wordEnd = e >= text.length() || !Character.isLetterOrDigit(text.charAt(e))
                        && text.charAt(e) != '@' && text.charAt(e) != '.' || cmd.endsWith(" F");
                if (wordStart && wordEnd && p > best) {
                    best = p;
                    found = cmd.substring(0, 4);
                }
            }
        }
        if (found.equals("STAR")) {
            return "STARTTLS";
        }
        return found;
    }
}
