package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RFC 3464 (and RFC 1894) delivery-status fields: a per-message block followed by one
 * block per recipient. Works on a message/delivery-status body and on DSN fields pasted into a
 * plain-text notification, where blank lines between recipients are often missing.
 */
final class DeliveryStatusFields {

    private DeliveryStatusFields() {
    }

    /** Whether a text contains recipient fields at the start of a line. */
    static boolean present(String text) {
        return lineStartIndex(text, "final-recipient:") >= 0 || lineStartIndex(text, "original-recipient:") >= 0;
    }

    static List<RecipientFact> parse(String text) {
        List<RecipientFact> facts = new ArrayList<>(2);
        RecipientFact cur = null;
        String lastField = null;
        boolean newBlock = true;
        String reportingMta = "";
        String arrival = "";
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            String line = text.substring(pos, eol);
            pos = eol + 1;
            if (line.isBlank()) {
                lastField = null;
                newBlock = true;
                continue;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && lastField != null && cur != null) {
                if (lastField.equals("diagnostic-code")) {
                    cur.diagnostic = cur.diagnostic + " " + line.strip();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 40) {
                lastField = null;
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            lastField = name;
            boolean blockStart = newBlock;
            newBlock = false;
            switch (name) {
                case "reporting-mta" -> reportingMta = afterType(value);
                case "arrival-date" -> arrival = value;
                case "final-recipient", "original-recipient", "x-actual-recipient" -> {
                    String addr = address(afterType(value));
                    boolean isFinal = name.equals("final-recipient");
                    boolean used = cur != null && (cur.hasRecipient() || !cur.originalRecipient.isEmpty());
                    if (cur == null || (blockStart && used) || (isFinal && cur.hasRecipient())
                            || (name.equals("original-recipient") && !cur.originalRecipient.isEmpty())) {
                        cur = new RecipientFact();
                        cur.date = arrival;
                        facts.add(cur);
                    }
                    if (isFinal) {
                        cur.recipient = addr;
                    } else if (name.equals("original-recipient")) {
                        cur.originalRecipient = addr;
                    } else if (!addr.isEmpty() && cur.recipient.isEmpty()) {
                        cur.recipient = addr;
                    }
                }
                case "action" -> {
                    cur = perRecipient(cur, facts, blockStart, cur != null && !cur.action.isEmpty(), arrival);
                    cur.action = firstWord(value).toLowerCase(Locale.ROOT);
                }
                case "x-powermta-bouncecategory" -> {
                    cur = perRecipient(cur, facts, blockStart, false, arrival);
                    cur.reason = powerMtaCategory(value.strip().toLowerCase(Locale.ROOT));
                }
                case "status" -> {
                    cur = perRecipient(cur, facts, blockStart, cur != null && !cur.status.isEmpty(), arrival);
                    cur.status = SmtpCodes.findStatus(value, ' ');
                    if (cur.status.isEmpty() && value.length() >= 5 && Character.isDigit(value.charAt(0))) {
                        cur.status = firstWord(value);
                    }
                }
                case "remote-mta" -> {
                    if (cur != null) {
                        cur.remoteMta = afterType(value);
                    }
                }
                case "diagnostic-code" -> {
                    cur = perRecipient(cur, facts, blockStart, cur != null && !cur.diagnostic.isEmpty(), arrival);
                    int semi = value.indexOf(';');
                    if (semi > 0 && semi < 20 && value.substring(0, semi).indexOf(' ') < 0) {
                        cur.diagnosticType = diagnosticType(value.substring(0, semi));
                        cur.diagnostic = value.substring(semi + 1).strip();
                    } else {
                        cur.diagnostic = value;
                    }
                }
                case "last-attempt-date" -> {
                    if (cur != null) {
                        cur.date = value;
                    }
                }
                default -> {
                }
            }
        }
        List<RecipientFact> out = new ArrayList<>(facts.size());
        for (RecipientFact f : facts) {
            if (f.recipient.isEmpty()) {
                f.recipient = f.originalRecipient;
            }
            f.reportingMta = reportingMta;
            if (!f.recipient.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The fact a per-recipient field belongs to: the current one, or a new one when there is none
     * yet (fields before Final-Recipient) or the field repeats in a new block.
     */
    private static RecipientFact perRecipient(RecipientFact cur, List<RecipientFact> facts, boolean blockStart,
                                              boolean alreadySet, String arrival) {
        boolean used = cur != null && (cur.hasRecipient() || !cur.originalRecipient.isEmpty());
        if (cur == null || (alreadySet && (blockStart || used))) {
            RecipientFact f = new RecipientFact();
            f.date = arrival;
            facts.add(f);
            return f;
        }
        return cur;
    }

    /** Postfix's own errors and "unknown" read like SMTP replies; X-UNIX and the like stay apart. */
    private static String diagnosticType(String raw) {
        String t = raw.strip().toUpperCase(Locale.ROOT);
        return t.equals("X-POSTFIX") || t.equals("UNKNOWN") ? "SMTP" : t;
    }

    /** PowerMTA's own classification in X-PowerMTA-BounceCategory. */
    private static io.bouncedesk.domain.BounceReason powerMtaCategory(String c) {
        return switch (c) {
            case "bad-domain" -> io.bouncedesk.domain.BounceReason.HOSTUNKNOWN;
            case "bad-mailbox" -> io.bouncedesk.domain.BounceReason.USERUNKNOWN;
            case "inactive-mailbox" -> io.bouncedesk.domain.BounceReason.SUSPEND;
            case "message-expired" -> io.bouncedesk.domain.BounceReason.EXPIRED;
            case "no-answer-from-host" -> io.bouncedesk.domain.BounceReason.NETWORKERROR;
            case "policy-related" -> io.bouncedesk.domain.BounceReason.POLICYVIOLATION;
            case "quota-issues" -> io.bouncedesk.domain.BounceReason.MAILBOXFULL;
            case "routing-errors" -> io.bouncedesk.domain.BounceReason.SYSTEMERROR;
            case "spam-related" -> io.bouncedesk.domain.BounceReason.SPAMDETECTED;
            default -> null;
        };
    }

    /** "rfc822; user@example.org" -> "user@example.org". */
    static String afterType(String value) {
        int semi = value.indexOf(';');
        return semi >= 0 ? value.substring(semi + 1).strip() : value.strip();
    }

    /** Strips angle brackets, quotes and trailing junk from an address value. */
    static String address(String v) {
        String s = v.strip();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            s = s.substring(lt + 1, gt < 0 ? s.length() : gt);
        }
        if (s.indexOf(' ') > 0) {
            for (String token : s.split("\\s+")) {
                if (token.indexOf('@') > 0) {
                    s = token; // "|/usr/bin/prog user@example.org /home/user" names the user
                    break;
                }
            }
        }
        if (s.length() > 1 && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            s = s.substring(1);
        }
        while (!s.isEmpty() && "\"'.,;:".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String firstWord(String v) {
        int i = 0;
        while (i < v.length() && !Character.isWhitespace(v.charAt(i)) && v.charAt(i) != '(' && v.charAt(i) != ';') {
            i++;
        }
        return v.substring(0, i);
    }

    /** Index of a line starting (case-insensitively) with {@code lowerPrefix}, or -1. */
    static int lineStartIndex(String text, String lowerPrefix) {
        int n = text.length();
        int plen = lowerPrefix.length();
        char c0 = lowerPrefix.charAt(0);
        char c0u = Character.toUpperCase(c0);
        for (int i = 0; i + plen <= n; i++) {
            char c = text.charAt(i);
            if ((c == c0 || c == c0u) && (i == 0 || text.charAt(i - 1) == '\n')
                    && text.regionMatches(true, i, lowerPrefix, 0, plen)) {
                return i;
            }
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return -1;
            }
            i = nl; // jump to the next line start
        }
        return -1;
    }
}
