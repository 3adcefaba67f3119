package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.EnumSet;
import java.util.Set;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * Decides the reason of one recipient from its status code, reply code, SMTP command and
 * diagnostic text. Order matters: the first probe that fits wins, so specific reasons
 * (mailbox full, too big, suspended...) are tried before broad ones (rejected, blocked), and
 * status-code meanings are cross-checked with the text because servers reuse codes loosely.
 */
final class ReasonResolver {

    /** Reasons that a format or a status code suggests but the text may still overrule. */
    private static final Set<BounceReason> TENTATIVE = EnumSet.of(
            UNDEFINED, ONHOLD, SYSTEMERROR, SECURITYERROR, EXPIRED, NETWORKERROR, HOSTUNKNOWN, USERUNKNOWN);
    /** Probes applied when the diagnostic is an SMTP reply. */
    private static final BounceReason[] SMTP_ORDER = {
        MAILBOXFULL, MESGTOOBIG, EXCEEDLIMIT, SUSPEND, HASMOVED, NORELAYING, AUTHFAILURE, USERUNKNOWN, FILTERED,
        REQUIREPTR, NOTCOMPLIANTRFC, BADREPUTATION, CONTENTERROR, REJECTED, HOSTUNKNOWN, SPAMDETECTED, SPEEDING,
        TOOMANYCONN, BLOCKED,
    };
    /** Text-only checks when the status code is missing or vague. */
    private static final BounceReason[] TEXT_ORDER = {
        MAILBOXFULL, AUTHFAILURE, BADREPUTATION, SPEEDING, SPAMDETECTED, VIRUSDETECTED, POLICYVIOLATION, NORELAYING,
        SYSTEMERROR, NETWORKERROR, SUSPEND, CONTENTERROR, SYSTEMFULL, NOTACCEPT, EXPIRED, SECURITYERROR, MAILERERROR,
    };
    private static final Set<String> BEFORE_DATA = Set.of("CONN", "EHLO", "HELO", "MAIL", "RCPT");

    private ReasonResolver() {
    }

    static boolean tentative(BounceReason r) {
        return r == null || TENTATIVE.contains(r);
    }

    static BounceReason resolve(RecipientFact f) {
        BounceReason preset = f.reason;
        if (preset != null && !tentative(preset)) {
            return preset;
        }
        if (f.status.startsWith("2.")) {
            return DELIVERED;
        }
        BounceReason byAgent = LocalAgents.reasonOf(f);
        if (byAgent != null) {
            return byAgent;
        }
        BounceReason byHost = RemoteHostRules.reasonOf(f);
        if (byHost != null) {
            return byHost;
        }
        String lower = f.diagnosticLower();
        Set<BounceReason> said = ReasonPatterns.analyse(f, lower).reasons();
        BounceReason r = null;
        if (f.diagnosticType.isEmpty() || f.diagnosticType.equals("SMTP")) {
            for (BounceReason candidate : SMTP_ORDER) {
                if (probe(candidate, f, said)) {
                    r = candidate;
                    break;
                }
            }
        }
        if (r == null) {
            r = another(f, said);
            if (r == null && f.action.equals("delayed")) {
                r = EXPIRED;
            }
            if (r == null) {
                r = said.contains(VACATION) ? VACATION : lower.isBlank() ? UNDEFINED : ONHOLD;
            }
        }
        return r;
    }

    private static BounceReason another(RecipientFact f, Set<BounceReason> said) {
        if (f.reason != null && f.reason != UNDEFINED && f.reason != ONHOLD) {
            return f.reason;
        }
        BounceReason byStatus = SmtpCodes.reasonOf(f.status);
        if (tentative(byStatus) || !(f.diagnosticType.isEmpty() || f.diagnosticType.equals("SMTP"))) {
            for (BounceReason candidate : TEXT_ORDER) {
                if (said.contains(candidate)) {
                    return candidate;
                }
            }
            if (byStatus != null) {
                return byStatus;
            }
            if (f.status.startsWith(".6", 1)) {
                return CONTENTERROR;
            }
            if (f.status.startsWith(".7", 1)) {
                return SECURITYERROR;
            }
            if (f.diagnosticType.startsWith("X-UNIX")) {
                return MAILERERROR;
            }
            if (isSyntaxReply(f.replyCode)) {
                return SYNTAXERROR;
            }
            if (f.action.equals("delayed") || f.action.equals("expired")) {
                return EXPIRED;
            }
            if (f.command.equals("EHLO") || f.command.equals("HELO")) {
                return BLOCKED;
            }
        }
        return byStatus;
    }

    private static boolean isSyntaxReply(String reply) {
        if (reply.length() != 3) {
            return false;
        }
        int v = Integer.parseInt(reply);
        return (v > 400 && v < 408) || (v > 500 && v < 508);
    }

    /** One probe of the SMTP order: status meaning and text, with the checks each reason needs. */
    private static boolean probe(BounceReason r, RecipientFact f, Set<BounceReason> said) {
        if (f.reason == r) {
            return true;
        }
        BounceReason byStatus = SmtpCodes.reasonOf(f.status);
        boolean beforeData = BEFORE_DATA.contains(f.command);
        switch (r) {
            case MAILBOXFULL, EXCEEDLIMIT, AUTHFAILURE, REQUIREPTR, TOOMANYCONN, BLOCKED:
                return byStatus == r || said.contains(r);
            case MESGTOOBIG:
                if (byStatus == MESGTOOBIG) {
                    return true;
                }
                return byStatus != EXCEEDLIMIT && said.contains(r);
            case SUSPEND:
                return f.replyCode.equals("525") || said.contains(r);
            case NORELAYING:
                return !(f.command.equals("CONN") || f.command.equals("EHLO") || f.command.equals("HELO"))
                        && said.contains(r);
            case USERUNKNOWN:
                if (byStatus == SUSPEND) {
                    return false;
                }
                if (byStatus == USERUNKNOWN) {
                    for (BounceReason other : new BounceReason[]{NORELAYING, BLOCKED, MAILBOXFULL, HASMOVED, REJECTED, HOSTUNKNOWN}) {
                        if (said.contains(other)) {
                            return false;
                        }
                    }
                    return true;
                }
                return f.command.equals("RCPT") && said.contains(USERUNKNOWN);
            case FILTERED:
                if (byStatus == SUSPEND) {
                    return false;
                }
                if (byStatus == FILTERED) {
                    return said.contains(USERUNKNOWN) || said.contains(FILTERED);
                }
                return !beforeData && (said.contains(FILTERED) || said.contains(USERUNKNOWN));
            case CONTENTERROR:
                if (probe(SPAMDETECTED, f, said)) {
                    return false;
                }
                return byStatus == CONTENTERROR || said.contains(r);
            case REJECTED:
                if (byStatus == REJECTED) {
                    return true;
                }
                if (f.command.equals("MAIL")) {
                    return said.contains(r);
                }
                if (f.command.equals("DATA") && byStatus != USERUNKNOWN) {
                    return said.contains(r);
                }
                if (byStatus == null || byStatus == SECURITYERROR || byStatus == SYSTEMERROR) {
                    return said.contains(r);
                }
                return false;
            case HOSTUNKNOWN:
                if (byStatus == HOSTUNKNOWN) {
                    return !said.contains(NETWORKERROR);
                }
                return said.contains(r);
            case SPAMDETECTED:
                if (f.status.isEmpty()) {
                    return false;
                }
                if (byStatus == SPAMDETECTED) {
                    return true;
                }
                return !beforeData && said.contains(r);
            default:
                return said.contains(r);
        }
    }
}
