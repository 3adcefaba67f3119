package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Locale;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * Knowledge about particular MTA formats that their text alone does not carry: which failed
 * SMTP command a wording means, qmail's and Exim's own reason rules, Gmail's "(state N)" codes,
 * Exchange 2003 error codes. Sets a tentative reason and the command on each fact.
 */
final class VendorRules {

    private VendorRules() {
    }

    static void apply(Notification n, BounceExtractor.Result result) {
        String text = n.text();
        boolean qmail = n.subjectLower.equals("failure notice") || received(n, "(qmail ")
                || result.section().contains("This is the qmail")
                || result.afterSection().startsWith("--- Below this line is a copy of the message.");
        boolean exim = !qmail && (n.fromLower.contains("mail delivery system") || n.subjectLower.startsWith("mail delivery failed")
                || n.subjectLower.startsWith("warning: message ") || n.subjectLower.startsWith("mail failure"))
                && text.contains("This message was created automatically by mail delivery software");
        boolean gmail = n.fromLower.contains("<mailer-daemon@googlemail.com>")
                && n.subjectLower.contains("delivery status notification");
        boolean googleGroups = gmail && text.contains("Google Groups") && n.headers.has("x-failed-recipients");
        String sectionLower = result.sectionLower();
        String filterSign = n.headers.getOrEmpty("x-spasign").strip();
        for (RecipientFact f : result.facts()) {
            if (f.reason != null && !ReasonResolver.tentative(f.reason)) {
                continue;
            }
            String lower = f.diagnosticLower();
            if (googleGroups) {
                f.reason = countBullets(result.section()) >= 4 ? REJECTED : ONHOLD;
                continue;
            }
            if (filterSign.equals("NG")) {
                f.reason = FILTERED; // au (KDDI): the recipient's spam filter refused the message
                continue;
            }
            if (qmail) {
                qmail(f, lower);
            } else if (exim) {
                exim(f, (lower + " " + f.context.toLowerCase(Locale.ROOT)).strip());
            } else if (gmail) {
                gmail(f, lower);
                if (f.reason == null && sectionLower.contains("delivery to the following recipient has been delayed")) {
                    f.reason = EXPIRED;
                }
            }
            if (f.reason == null) {
                f.reason = ProviderMessages.find(n, lower);
            }
            if (f.reason == null && lower.contains("msexch:")) {
                f.reason = exchangeCode(f.diagnostic);
            }
            if (f.reason == null) {
                f.reason = MtaPhrases.find(f, lower);
            }
            if (lower.contains("refused to talk to me:") && f.command.isEmpty()) {
                f.command = "HELO"; // Postfix: the server refused the session at the greeting
            }
        }
    }

    private static void qmail(RecipientFact f, String lower) {
        if (lower.contains(" but greeting failed")) {
            f.command = "CONN";
        } else if (lower.contains(" but my name was rejected")) {
            f.command = "EHLO";
        } else if (lower.contains(" but sender was rejected")) {
            f.command = "MAIL";
        } else if (lower.contains(" does not like recipient")) {
            f.command = "RCPT";
        } else if (lower.contains(" failed on data command") || lower.contains(" failed after i sent the message")) {
            f.command = "DATA";
        }
        boolean queueTooLong = lower.contains("this message has been in the queue too long");
        if (f.command.equals("EHLO")) {
            f.reason = BLOCKED;
        } else if (f.command.equals("RCPT") && queueTooLong) {
            f.reason = ONHOLD;
        } else {
            f.reason = MtaPhrases.find(f, lower);
            if (f.reason == null && lower.contains("system error")) {
                f.reason = SYSTEMERROR;
            }
            if (f.reason == null && queueTooLong) {
                f.reason = EXPIRED;
            }
        }
    }

    private static final String[] EXIM_DELAYED = {
        "retry timeout exceeded", "no action is required on your part",
        "retry time not reached for any host after a long failure period",
        "all hosts have been failing for a long time and were last tried", "delay reason: ", "has been frozen",
        "was frozen on arrival by ",
    };

    private static void exim(RecipientFact f, String lower) {
        if (f.command.isEmpty() && (lower.contains("smtp error from remote ") || lower.contains("lmtp error after "))) {
            f.command = SmtpCodes.findCommand(f.diagnostic);
        }
        if (f.command.equals("EHLO") || f.command.equals("HELO")) {
            f.reason = BLOCKED;
        } else if (f.command.equals("MAIL")) {
            f.reason = ONHOLD;
        } else {
            f.reason = MtaPhrases.find(f, lower);
            if (f.reason == null && lower.contains("mailbox is full")) {
                f.reason = MAILBOXFULL;
            }
            if (f.reason == null) {
                for (String d : EXIM_DELAYED) {
                    if (lower.contains(d)) {
                        f.reason = EXPIRED;
                        break;
                    }
                }
            }
            if (f.reason == null && lower.contains("pipe to |")) {
                f.reason = MAILERERROR;
            }
        }
    }

    private static void gmail(RecipientFact f, String lower) {
        int p = lower.indexOf(" (state ");
        if (p >= 0) {
            int close = lower.indexOf(')', p);
            String state = close < 0 ? "" : lower.substring(p + 8, close).strip();
            switch (state) {
                case "6", "9" -> set(f, "MAIL", SECURITYERROR);
                case "8" -> set(f, "AUTH", SYSTEMERROR);
                case "12" -> set(f, "AUTH", NORELAYING);
                case "13" -> set(f, "EHLO", BLOCKED);
                case "14" -> set(f, "RCPT", USERUNKNOWN);
                case "15", "17", "18" -> set(f, "DATA", FILTERED);
                default -> {
                }
            }
        }
        if (f.reason == null) {
            f.reason = MtaPhrases.find(f, lower);
        }
        if (f.reason != null) {
            String st = SmtpCodes.findStatus(f.diagnostic, ' ');
            BounceReason byStatus = SmtpCodes.reasonOf(st);
            if (!st.isEmpty() && !st.contains(".0") && byStatus != null) {
                f.reason = byStatus; // a specific status code outranks the state table
            }
        }
    }

    private static void set(RecipientFact f, String command, BounceReason reason) {
        f.command = command;
        f.reason = reason;
    }

    /** Exchange 2003 "MSEXCH:IMS:... 0 (000C05A6) Unknown Recipient" codes. */
    private static BounceReason exchangeCode(String diag) {
        int p = diag.indexOf("(000");
        if (p < 0) {
            return null;
        }
        String code = diag.substring(p + 1, Math.min(diag.length(), p + 9));
        return switch (code) {
            case "000C05A6" -> USERUNKNOWN;
            case "000C0595" -> FILTERED;
            case "00010256", "000D06B5" -> SYSTEMERROR;
            case "00120270" -> NETWORKERROR;
            case "00050311", "000502CC" -> CONTENTERROR;
            case "000B0981" -> SECURITYERROR;
            case "000B099C", "000B09AA", "000B09B6" -> ONHOLD;
            default -> null;
        };
    }

    private static boolean received(Notification n, String needle) {
        for (String r : n.headers.all("received")) {
            if (r.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static int countBullets(String section) {
        int count = 0;
        for (String line : section.split("\n")) {
            String t = line.stripLeading();
            if (t.startsWith("* ") && (line.startsWith(" *") || line.startsWith("*"))) {
                count++;
            }
        }
        return count;
    }
}
