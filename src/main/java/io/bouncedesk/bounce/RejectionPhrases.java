package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Map;

/** Rejection, unknown-host, spam and rate phrases of {@link ReasonPatterns} (a separate file only for length). */
final class RejectionPhrases {

    /** Phrases that look like a sender rejection but are about the recipient or the client IP. */
    static final String[] NOT_REJECTED = {
        "5.1.0 address rejected", "recipient address rejected", "sender ip address rejected",
    };

    private RejectionPhrases() {
    }

    private static String[] of(String... s) {
        return s;
    }

    private static String[][] seq(String[]... s) {
        return s;
    }

    static void fill(Map<BounceReason, ?> t) {
        ReasonPatterns.put(t, BounceReason.REJECTED, of(
                "access denied (in reply to mail from command)", "access denied (sender blacklisted)", "address rejected",
                "administrative prohibition", "batv failed to verify", "batv validation failure",
                "backscatter protection detected an invalid or expired email address",
                "because the sender isn't on the recipient's list of senders to accept mail from", "bogus mail from",
                "can't determine purported responsible address",
                "connections not accepted from servers without a valid sender domain", "denied [bouncedeny]",
                "denied by secumail valid-address-filter", "delivery not authorized, message refused",
                "does not exist e2110", "domain of sender address ", "email address is on senderfilterconfig list",
                "emetteur invalide", "empty envelope senders not allowed", "envelope blocked - ",
                "error: no third-party dsns", "from: domain is invalid. please provide a valid from:",
                "fully qualified email address required", "invalid domain, see <url:", "invalid sender",
                "is not a registered gateway user", "mail from not owned by user",
                "message rejected: email address is not verified", "mx records for ", "null sender is not allowed",
                "recipient addresses rejected : access denied", "recipient not accepted. (batv: no tag",
                "returned mail not accepted here", "rfc 1035 violation: recursive cname records for",
                "rule imposed mailbox access for", "sending this from a different address or alias using the ",
                "sender address has been blacklisted", "sender email address rejected", "sender is in my black list",
                "sender is spammer", "sender not pre-approved", "sender rejected", "sender domain is empty",
                "sender verify failed", "sender was rejected", "spam reporting address",
                "syntax error: empty email address", "the message has been rejected by batv defense",
                "this server does not accept mail from", "transaction failed unsigned dsn for", "unroutable sender address",
                "you are not allowed to post to this mailing list",
                "you are sending to/from an address that has been blacklisted",
                "your access to submit messages to this e-mail system has been rejected",
                "your email address has been blacklisted"), seq());
        ReasonPatterns.put(t, BounceReason.HOSTUNKNOWN, of(
                "domain does not exist", "domain is not reachable", "domain must exist", "host or domain name not found",
                "host unknown", "host unreachable", "mail domain mentioned in email address is unknown",
                "name or service not known", "no such domain", "recipient address rejected: unknown domain name",
                "recipient domain must exist", "the account or domain may not exist", "unknown host", "unroutable address",
                "unrouteable address"), seq(of("553 ", " does not exist")));
        ReasonPatterns.put(t, BounceReason.SPAMDETECTED, of(
                " - spam", "//www.spamhaus.org/help/help_spam_16.htm", "//dsbl.org/help/help_spam_16.htm",
                "//mail.163.com/help/help_spam_16.htm", "554 5.7.0 reject, id=", "appears to be unsolicited",
                "blacklisted url in message", "block for spam", "blocked by policy: no spam please", "blocked by spamassassin",
                "blocked for abuse. see http://att.net/blocks", "cannot be forwarded because it was detected as spam",
                "considered unsolicited bulk e-mail (spam) by our mail filters", "content filter rejection",
                "cyberoam anti spam engine has identified this email as a bulk email", "denied due to spam list",
                "high probability of spam", "is classified as spam and is rejected", "listed in work.drbl.imedia.ru",
                "the mail server detected your message as spam and has prevented delivery.", "mail appears to be unsolicited",
                "mail content denied", "may consider spam", "message considered as spam or virus",
                "message contains spam or virus", "message content rejected", "message detected as spam", "message filtered",
                "message looks like spam", "message is being rejected as it seems to be a spam",
                "message refused by mailmarshal spamprofiler", "message refused by trustwave seg spamprofiler",
                "message rejected as spam", "message rejected because of unacceptable content",
                "message rejected due to suspected spam content", "message rejected for policy reasons",
                "message was rejected for possible spam/virus content", "our email server thinks this email is spam",
                "our system has detected that this message is ", "probable spam", "reject bulk.advertising",
                "rejected: spamassassin score ", "rejected - bulk email", "rejecting banned content", "rejecting mail content",
                "related to content with spam-like characteristics", "sender domain listed at ",
                "sending address not accepted due to spam filter", "spam blocked", "spam check", "spam content matched",
                "spam detected", "spam email", "spam email not accepted", "spam message rejected.", "spam not accepted",
                "spam refused", "spam rejection", "spam score ", "spambouncer identified spam", "spamming not allowed",
                "too many spam complaints", "too much spam.", "the email message was detected as spam",
                "the message has been rejected by spam filtering engine",
                "the message was rejected due to classification as bulk mail", "the content of this message looked like spam",
                "this message appears to be spam", "this message has been identified as spam",
                "this message has been scored as spam with a probability", "this message was classified as spam",
                "this message was rejected by recurrent pattern detection system",
                "transaction failed spam message not queued", "we dont accept spam",
                "your email appears similar to spam we have received before", "your email breaches local uribl policy",
                "your email had spam-like ", "your email is considered spam", "your email is probably spam",
                "your email was detected as spam", "your message as spam and has prevented delivery",
                "your message has been temporarily blocked by our filter",
                "your message has been rejected because it appears to be spam", "your message has triggered a spam block",
                "your message may contain the spam contents", "your message failed several antispam checks"),
                seq(of("greylisted", " please try again in"), of("mail score (", " over "),
                        of("mail rejete. mail rejected. ", "506"), of("our filters rate at and above ", " percent probability of being spam"),
                        of("rejected by ", " (spam)"), of("rejected due to spam ", "classification"),
                        of("rejected due to spam ", "content"), of("rule imposed as ", " is blacklisted on"),
                        of("spam ", " exceeded"), of("this message scored ", " spam points")));
        ReasonPatterns.put(t, BounceReason.SPEEDING, of(
                "mail sent from your ip address has been temporarily rate limited", "please try again slower",
                "receiving mail at a rate that prevents additional messages from being delivered"), seq());
        ReasonPatterns.put(t, BounceReason.TOOMANYCONN, of(
                "all available ips are at maximum connection limit", "connection rate limit exceeded",
                "exceeds per-domain connection limit for", "has exceeded the max emails per hour ",
                "throttling failure: daily message quota exceeded", "throttling failure: maximum sending rate exceeded",
                "too many connections", "too many concurrent smtp connections", "too many errors from your ip",
                "too many recipients", "too many smtp sessions for this host", "trop de connexions, ",
                "we have already made numerous attempts to deliver this message"), seq());
        BlockingAndSystemPhrases.fill(t);
    }
}
