package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Map;

/**
 * Phrases of single SMTP replies as providers and receiving servers word them (SendGrid, SES,
 * Postmark and Mailgun events; the replies of the console's own send), added to
 * {@link ReasonPatterns} so bounce messages and provider events are read by one rule set.
 */
final class ReplyPhrases {

    private ReplyPhrases() {
    }

    /*
     * Only phrases that mislead nowhere in the shared bounce corpus: "timed out", "policy", "virus",
     * "does not exist", "try again later", "dkim" and the like were tried and are left out, because
     * real reports use them beside other reasons (a timeout in an expired message, DKIM in an ARF
     * report, "address rejected" before a spam verdict).
     */
    static void fill(Map<BounceReason, ?> t) {
        ReasonPatterns.extend(t, BounceReason.SPEEDING, "greylist", "graylist", "too many messages", "throttl");
        ReasonPatterns.extend(t, BounceReason.AUTHFAILURE, "spf check", "authentication required",
                "sender authentication");
        ReasonPatterns.extend(t, BounceReason.USERUNKNOWN, "no mailbox");
        ReasonPatterns.extend(t, BounceReason.HOSTUNKNOWN, "domain not found", "no mx", "unrouteable");
        ReasonPatterns.extend(t, BounceReason.MAILBOXFULL, "mailbox full", "quota exceeded", "mailbox is full",
                "insufficient storage");
        ReasonPatterns.extend(t, BounceReason.SPAMDETECTED, "rejected as spam", "spam detected", "message is spam",
                "looks like spam", "spam content");
        ReasonPatterns.extend(t, BounceReason.BLOCKED, "reputation", "listed on", "blocklist", "dnsbl", "spamhaus");
        ReasonPatterns.extend(t, BounceReason.REQUIREPTR, "ptr record", "no ptr");
        ReasonPatterns.extend(t, BounceReason.TOOMANYCONN, "too many connections", "connection limit");
        ReasonPatterns.extend(t, BounceReason.NETWORKERROR, "network is unreachable");
        ReasonPatterns.extend(t, BounceReason.SYSTEMERROR, "internal server error");
        ReasonPatterns.extend(t, BounceReason.MESGTOOBIG, "message too large", "message size exceeds", "too big");
        ReasonPatterns.extend(t, BounceReason.NORELAYING, "relay access denied", "relaying denied",
                "not permitted to relay");
        ReasonPatterns.extend(t, BounceReason.SUSPEND, "account disabled", "account has been disabled",
                "inactive account");
    }
}
