package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * Exchange Online / Outlook.com: the same enhanced status code means different things, so the
 * code and the wording are read together ("5.4.1 ... recipient address rejected: access denied"
 * is an unknown recipient there, not a routing problem).
 */
final class RemoteHostMicrosoft {

    /** {status or status prefix, low, high (third number range, or ""), phrase, reason}. */
    private static final String[][] RULES = {
        {"4.7.26", "", "", "must pass either spf or dkim validation, this message is not signed", "authfailure"},
        {"5.7.23", "", "", "the message was rejected because of sender policy framework violation", "authfailure"},
        {"5.7.509", "", "", "does not pass dmarc verification", "authfailure"},
        {"5.7.515", "", "", "doesn't meet the required authentication level", "authfailure"},
        {"4.7.650", "", "", "has been temporarily rate limited due to ip reputation", "badreputation"},
        {"4.4.2", "", "", "connection dropped", "blocked"},
        {"4.7.", "850", "899", "access denied, please try again later", "blocked"},
        {"5.7.25", "", "", "must have a reverse dns record", "blocked"},
        {"5.7.506", "", "", "access denied, bad helo", "blocked"},
        {"5.7.507", "", "", "access denied, rejected by recipient", "blocked"},
        {"5.7.510", "", "", "does not accept email over ipv6", "blocked"},
        {"5.7.511", "", "", "access denied, banned sender", "blocked"},
        {"5.7.513", "", "", "using customer block list", "blocked"},
        {"5.7.", "606", "649", "access denied, banned sending ip ", "blocked"},
        {"4.7.", "500", "699", "access denied, please try again later", "blocked"},
        {"5.7.1", "", "", "part of their network is on our block list (s3150)", "blocked"},
        {"5.3.0", "", "", "too many related errors", "contenterror"},
        {"5.6.11", "", "", "invalid characters", "contenterror"},
        {"5.2.3", "", "", "resolver.rst.recipsizelimit; message too large for this recipient", "mesgtoobig"},
        {"5.3.4", "", "", "message size exceeds fixed maximum message size", "mesgtoobig"},
        {"4.4.1", "", "", "connection timed out", "expired"},
        {"4.4.7", "", "", "message delayed", "expired"},
        {"4.4.7", "", "", "message expired", "expired"},
        {"5.4.300", "", "", "message expired", "expired"},
        {"5.4.316", "", "", "message expired", "expired"},
        {"5.2.2", "", "", "mailbox full", "mailboxfull"},
        {"5.4.4", "", "", "smtpsend.dns.nonexistentdomain; nonexistent domain", "networkerror"},
        {"5.4.6", "", "", "hop count exceeded - possible mail loop", "networkerror"},
        {"4.4.312", "", "", "dns query failed", "networkerror"},
        {"5.4.312", "", "", "dns query failed", "networkerror"},
        {"4.4.316", "", "", "connection refused", "networkerror"},
        {"5.4.316", "", "", "connection refused", "networkerror"},
        {"5.4.14", "", "", "routing loop detected", "networkerror"},
        {"5.7.1", "", "", "unable to relay", "norelaying"},
        {"5.4.1", "", "", "relay access denied", "norelaying"},
        {"5.7.64", "", "", "tenantattribution; relay access denied", "norelaying"},
        {"4.3.2", "", "", "system not accepting network messages", "notaccept"},
        {"4.4.4", "", "", "hosted tenant which has no mail-enabled subscriptions", "notaccept"},
        {"5.7.", "900", "999", "delivery not authorized, message refused", "policyviolation"},
        {"5.1.7", "", "", "unknown sender address", "rejected"},
        {"5.1.0", "", "", "sender denied", "rejected"},
        {"5.1.8", "", "", "access denied, bad outbound sender", "rejected"},
        {"5.7.1", "", "", "delivery not authorized", "rejected"},
        {"5.7.", "501", "503", "access denied, spam abuse detected", "rejected"},
        {"5.7.512", "", "", "access denied, message must be rfc 5322 section 3.6.2 compliant", "rejected"},
        {"5.7.1", "", "", "client was not authenticated", "securityerror"},
        {"5.7.57", "", "", "client was not authenticated to send anonymous mail during mail from", "securityerror"},
        {"5.2.1", "", "", "content filter agent quarantined this message", "spamdetected"},
        {"5.5.3", "", "", "too many recipients", "speeding"},
        {"4.7.652", "", "", "has exceeded the maximum number of connections", "speeding"},
        {"5.2.121", "", "", "recipient's per hour message receive limit", "speeding"},
        {"5.2.122", "", "", "recipient's per hour message receive limit", "speeding"},
        {"5.7.", "700", "749", "tenant has exceeded threshold", "speeding"},
        {"5.7.504", "", "", "recipient address rejected: access denied", "suspend"},
        {"5.7.505", "", "", "access denied, banned recipient", "suspend"},
        {"5.2.1", "", "", "mailbox cannot be accessed", "suspend"},
        {"5.5.2", "", "", "send hello first", "syntaxerror"},
        {"4.3.2", "", "", "service not available", "systemerror"},
        {"5.3.5", "", "", "system incorrectly configured", "systemerror"},
        {"4.3.1", "", "", "insufficient system resources", "systemfull"},
        {"5.1.1", "", "", "resolver.adr.exrecipnotfound; not found", "userunknown"},
        {"5.1.1", "", "", "user unknown", "userunknown"},
        {"5.1.1", "", "", "bad destination mailbox address", "userunknown"},
        {"5.1.10", "", "", "recipient not found", "userunknown"},
        {"5.4.1", "", "", "recipient address rejected: access denied", "userunknown"},
        {"5.5.0", "", "", "requested action not taken: mailbox unavailable", "userunknown"},
        {"5.1.351", "", "", "remote server returned unknown recipient or mailbox unavailable", "userunknown"},
    };

    private RemoteHostMicrosoft() {
    }

    static BounceReason reasonOf(String status, String d) {
        if (!SmtpCodes.isStatus(status)) {
            return null;
        }
        int third = Integer.parseInt(status.substring(status.lastIndexOf('.') + 1));
        for (String[] r : RULES) {
            if (r[1].isEmpty()) {
                if (!status.equals(r[0])) {
                    continue;
                }
            } else if (!status.startsWith(r[0]) || third < Integer.parseInt(r[1]) || third > Integer.parseInt(r[2])) {
                continue;
            }
            if (d.contains(r[3])) {
                return BounceReason.fromCode(r[4]);
            }
        }
        return null;
    }
}
