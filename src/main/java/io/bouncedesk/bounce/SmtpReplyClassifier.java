package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

/**
 * Classifies one SMTP reply seen outside a bounce message (reply code, RFC 3463 enhanced status,
 * the server's text): the console's own send and a provider's bounce and deferral events. It is
 * the bounce-message parser's own decision ({@link ReasonResolver}), given what a single reply
 * carries, so a reply reads the same whichever way it reached the workspace. Codes missing from
 * the fields are read from the text; a reply that names no SMTP command is taken as an answer to
 * RCPT (providers report the recipient's refusal), and a temporary reply is never given a reason
 * the domain rule makes hard: the server will answer again.
 */
public final class SmtpReplyClassifier {

    private SmtpReplyClassifier() {
    }

    public static BounceReason classify(String replyCode, String enhancedStatus, String text) {
        RecipientFact f = fact(replyCode, enhancedStatus, text);
        BounceReason r = resolved(f);
        if (r == null) {
            BounceReason byCode = byReplyCode(f.replyCode); // nothing known in the text: the code's usual meaning
            r = byCode != BounceReason.UNDEFINED || f.diagnostic.isBlank() ? byCode : BounceReason.ONHOLD;
        }
        if (isTemporary(f.replyCode, f.status) && r.type(false) == BounceType.HARD) {
            // "Recipient address rejected: Greylisted, try again later" does not say the mailbox is gone
            BounceReason byStatus = SmtpCodes.reasonOf(f.status);
            BounceReason byCode = byReplyCode(f.replyCode);
            r = byStatus != null && byStatus.type(true) == BounceType.SOFT ? byStatus
                    : byCode.type(true) == BounceType.SOFT && byCode != BounceReason.UNDEFINED ? byCode
                    : BounceReason.ONHOLD;
        }
        return r;
    }

    /**
     * What a server's text says by itself (its words, and the status code written in it), or null
     * when it says nothing the rules know: a provider's own category may then speak.
     */
    public static BounceReason said(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return resolved(fact(null, null, text));
    }

    private static RecipientFact fact(String replyCode, String enhancedStatus, String text) {
        RecipientFact f = new RecipientFact();
        f.action = "failed";
        f.status = enhancedStatus == null ? "" : enhancedStatus.strip();
        f.replyCode = replyCode == null ? "" : replyCode.strip();
        f.diagnostic = text == null ? "" : text;
        f.diagnosticType = "SMTP";
        FactFinisher.finish(f);
        if (f.command.isEmpty()) {
            f.command = "RCPT";
        }
        return f;
    }

    /** The resolver's reason, or null where it finds none (undefined, on hold, or a success). */
    private static BounceReason resolved(RecipientFact f) {
        BounceReason r = ReasonResolver.resolve(f);
        return r == BounceReason.DELIVERED || r == BounceReason.UNDEFINED || r == BounceReason.ONHOLD ? null : r;
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

    private static BounceReason byReplyCode(String replyCode) {
        if (replyCode == null) {
            return BounceReason.UNDEFINED;
        }
        return switch (replyCode.strip()) {
            case "550", "551", "553", "554" -> BounceReason.REJECTED;
            case "452", "552" -> BounceReason.MAILBOXFULL;
            case "421", "450", "451" -> BounceReason.SPEEDING;
            default -> BounceReason.UNDEFINED;
        };
    }
}
