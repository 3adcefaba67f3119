package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * The documented error codes and messages of individual receivers, used by
 * {@link RemoteHostRules}. Texts are matched lower-cased; reasons are Sisimai's vocabulary.
 */
final class RemoteHostCodes {

    private RemoteHostCodes() {
    }

    /** Orange / La Poste: a label like "LPN007_416", "OFR_506 [506]"; the last three digits decide. */
    static BounceReason francePtt(String d) {
        String t = d.replace('_', '-');
        for (String label : new String[]{"lpnaaa", "lpn", "ofr", "ouk"}) {
            int p = t.lastIndexOf(label);
            if (p < 0) {
                continue;
            }
            int end = p + label.length();
            while (end < t.length() && t.charAt(end) != ' ' && t.charAt(end) != ')' && t.charAt(end) != '.') {
                end++;
            }
            String code = t.substring(Math.max(p, end - 3), end);
            return switch (code) {
                case "101", "102", "103", "510", "999" -> BLOCKED;
                case "104" -> TOOMANYCONN;
                case "305", "402" -> SECURITYERROR;
                case "401", "517" -> AUTHFAILURE;
                case "403", "405", "415", "421" -> REJECTED;
                case "416" -> USERUNKNOWN;
                case "417" -> MAILBOXFULL;
                case "420", "426" -> SUSPEND;
                case "505" -> SYSTEMERROR;
                case "506" -> SPAMDETECTED;
                case "514" -> MESGTOOBIG;
                case "630" -> POLICYVIOLATION;
                case "105", "107", "108", "109", "201", "423", "424", "513" -> UNDEFINED;
                default -> null;
            };
        }
        return d.contains("spf/dns de votre nom de domaine") ? AUTHFAILURE : null;
    }

    /** GoDaddy: " IB607" style codes, then a few plain messages. */
    static BounceReason goDaddy(String diag, String d) {
        int p = diag.indexOf(" IB");
        if (p >= 0 && p + 6 <= diag.length()) {
            BounceReason r = switch (diag.substring(p + 1, p + 6)) {
                case "IB401" -> SECURITYERROR;
                case "IB501", "IB502" -> NOTCOMPLIANTRFC;
                case "IB506" -> REJECTED;
                case "IB508" -> AUTHFAILURE;
                case "IB108" -> REQUIREPTR;
                case "IB212" -> SPAMDETECTED;
                case "IB705" -> VIRUSDETECTED;
                case "IB605", "IB007" -> TOOMANYCONN;
                case "IB101", "IB504", "IB510", "IB607" -> SPEEDING;
                case "IB110", "IB111", "IB112", "IB113", "IB104", "IB105", "IB106" -> BLOCKED;
                case "IB103" -> BADREPUTATION;
                default -> null;
            };
            if (r != null) {
                return r;
            }
        }
        return has(d, "rbl reject", "www.spamhaus.org/query/bl?ip=") ? BLOCKED
                : has(d, "has been in the queue too long", "delivery timeout") ? EXPIRED
                : has(d, "account storage limit") ? MAILBOXFULL
                : has(d, "message rejected for spam or virus content") ? SPAMDETECTED
                : has(d, "account disabled") ? SUSPEND
                : has(d, "message is looping") ? SYSTEMERROR
                : has(d, "recipient not found", "account does not exist") ? USERUNKNOWN : null;
    }

    static BounceReason messageLabs(String d) {
        if (has(d, "domain authentication fail")) {
            return AUTHFAILURE;
        }
        if (has(d, "connection rejected by policy")) {
            return BADREPUTATION;
        }
        if (has(d, "mail rejected because your ip is in the pbl", "your ip address has been ")) {
            return BLOCKED;
        }
        if (has(d, "stray linefeeds in message")) {
            return CONTENTERROR;
        }
        if (has(d, " as a relay, ")) {
            return NORELAYING;
        }
        if (has(d, "550 requested action aborted [4]", "has detected that this message is not rfc 5322")) {
            return NOTCOMPLIANTRFC;
        }
        if (has(d, "sender envelope domain not allowed for sender ip address", "your domain has been blocked",
                "your email address has been blocked", "your envelope sender is in my badmailfrom list",
                "your email address has been blacklisted", "your domain has been blacklisted")) {
            return REJECTED;
        }
        if (has(d, "please turn on smtp authentication in your mail client")) {
            return SECURITYERROR;
        }
        if (has(d, "message filtered", "filtered by outbound scanning")) {
            return SPAMDETECTED;
        }
        if (has(d, "too many recipients received this hour", "too many messages")) {
            return TOOMANYCONN;
        }
        if (d.contains("542 ") && d.contains(" rejected")) {
            return USERUNKNOWN; // "542 user@example.org Rejected": the address is not accepted
        }
        return has(d, "no such user", "invalid recipient", "mailbox is not allowed") ? USERUNKNOWN : null;
    }

    static BounceReason mimecast(String reply, String d) {
        String[][] rules = {
            {"authfailure", "550", "spf sender invalid - envelope rejected", "dkim sender invalid - envelope rejected",
                "dmarc sender invalid - envelope rejected"},
            {"badreputation", "451", "internal resources are temporarily unavailable"},
            {"badreputation", "550", "local ct ip reputation - (reject)"},
            {"blocked", "421", "sender address blocked"},
            {"blocked", "451", "recipient temporarily unavailable", "ip temporarily blacklisted"},
            {"mesgtoobig", "554", "maximum email size exceeded"},
            {"networkerror", "554", "mail loop detected"},
            {"norelaying", "451", "open relay not allowed", "open relay is not allowed"},
            {"notaccept", "451", "account inbounds disabled"},
            {"policyviolation", "550", "anti-spoofing policy - inbound not allowed", "rejected by header-based anti-spoofing policy"},
            {"policyviolation", "554", "host network not allowed", "host network, not allowed"},
            {"rejected", "550", "administrative prohibition envelope blocked", "envelope blocked - user entry",
                "envelope blocked - user domain entry", "envelope rejected - block policy for envelope from address"},
            {"securityerror", "535", "incorrect authentication data"},
            {"securityerror", "550", "submitter failed to authenticate"},
            {"systemerror", "451", "unable to process connection at this time", "message ended early", "unable to process command"},
            {"toomanyconn", "451", "account service is temporarily unavailable"},
            {"toomanyconn", "452", "too many recipients"},
            {"toomanyconn", "550", "exceeding outbound thread limit"},
            {"userunknown", "501", "invalid address"}, {"userunknown", "503", "user unknown"},
            {"userunknown", "550", "invalid recipient"},
            {"virusdetected", "554", "email rejected due to security policies"},
        };
        for (String[] rule : rules) {
            if (!rule[1].equals(reply)) {
                continue;
            }
            for (int i = 2; i < rule.length; i++) {
                if (d.contains(rule[i])) {
                    return BounceReason.fromCode(rule[0]);
                }
            }
        }
        return null;
    }

    /** Spectrum (Charter): "AUP#1350"-style four-digit codes, single codes or ranges. */
    static BounceReason spectrum(String diag) {
        int p = diag.indexOf("AUP#");
        if (p < 0) {
            return null;
        }
        StringBuilder digits = new StringBuilder(4);
        for (int i = p + 4; i < diag.length() && digits.length() < 4; i++) {
            char c = diag.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.setLength(0);
            }
        }
        if (digits.length() != 4) {
            return null;
        }
        int code = Integer.parseInt(digits.toString());
        if (code == 1000 || (code >= 1200 && code <= 1250)) {
            return BLOCKED;
        }
        if (code == 1010 || (code >= 1020 && code <= 1080) || code == 1500 || code == 1520) {
            return REJECTED;
        }
        if (code == 1090) {
            return SYSTEMERROR;
        }
        if (code >= 1100 && code <= 1150) {
            return REQUIREPTR;
        }
        if ((code >= 1160 && code <= 1190) || code == 1560) {
            return POLICYVIOLATION;
        }
        if (code == 1260) {
            return NETWORKERROR;
        }
        if (code >= 1300 && code <= 1340) {
            return TOOMANYCONN;
        }
        if ((code >= 1350 && code <= 1490) || code == 1540 || code == 1550 || code == 1580) {
            return SPEEDING;
        }
        return code == 1530 ? MESGTOOBIG : null;
    }

    static BounceReason tencent(String d) {
        return has(d, "spf check failed", "dmarc check failed") ? AUTHFAILURE
                : has(d, "suspected bounce attacks", "suspected spam ip", "connection denied") ? BLOCKED
                : has(d, "message too large") ? MESGTOOBIG
                : has(d, "spam is embedded in the email", "mail content denied") ? SPAMDETECTED
                : has(d, "suspected spam", "mail is rejected by recipients") ? REJECTED
                : has(d, "mailbox unavailable or access denined", "frequency of receiving messages is limited") ? SPEEDING
                : has(d, "is a deactivated mailbox") ? SUSPEND
                : has(d, "bad address syntax") ? SYNTAXERROR
                : has(d, "ip frequency limited", "domain frequency limited", "sender frequency limited",
                    "connection frequency limited") ? TOOMANYCONN
                : has(d, "mailbox not found") ? USERUNKNOWN : null;
    }

    static BounceReason yahoo(String d) {
        return has(d, "yahoo requires all senders to authenticate with either spf or dkim") ? AUTHFAILURE
                : has(d, " because the ip is in spamhaus's list;", "not accepted from ip addresses on spamhaus xbl") ? BLOCKED
                : has(d, "relaying denied for ") ? NORELAYING
                : has(d, "headers are not rfc compliant") ? NOTCOMPLIANTRFC
                : has(d, "not accepted for policy reasons") ? POLICYVIOLATION
                : has(d, "temporarily deferred due to unexpected volume or user complaints",
                    "due to unresolvable rfc.5321 domain", " will be permanently deferred") ? REJECTED
                : has(d, "user is receiving mail too quickly") ? SPEEDING
                : has(d, " is no longer valid.", "this mailbox is disabled") ? SUSPEND
                : has(d, "syntax error in parameters or arguments") ? SYNTAXERROR
                : has(d, "max message per connection reached") ? TOOMANYCONN
                : has(d, "dd this user doesn't have a ", "mailbox not found") ? USERUNKNOWN : null;
    }

    static BounceReason microsoft(String status, String d) {
        return RemoteHostMicrosoft.reasonOf(status, d);
    }

    private static boolean has(String d, String... needles) {
        for (String n : needles) {
            if (d.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
