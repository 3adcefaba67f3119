package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Map;

/** Blocking, policy, transport and system phrases of {@link ReasonPatterns}. */
final class BlockingAndSystemPhrases {

    private BlockingAndSystemPhrases() {
    }

    private static String[] of(String... s) {
        return s;
    }

    private static String[][] seq(String[]... s) {
        return s;
    }

    static void fill(Map<BounceReason, ?> t) {
        ReasonPatterns.put(t, BounceReason.BLOCKED, of(
                " said: 550 blocked", "//www.spamcop.net/bl.", "bad sender ip address", "banned sending ip", "blacklisted by",
                "blocked using ", "blocked - see http", "dnsbl:attrbl", "client host rejected: abus detecte gu_eib_02",
                "client host rejected: abus detecte gu_eib_04", "client host rejected: may not be mail exchanger",
                "client host rejected: was not authenticated", "confirm this mail server", "connection dropped",
                "connection refused by", "connection reset by peer", "connection was dropped by remote host",
                "connections not accepted from ip addresses on spamhaus xbl", "currently sending spam see: ",
                "domain does not exist:", "dynamic/zombied/spam ips blocked", "error: no valid recipients from ",
                "esmtp not accepting connections", "extreme bad ip profile", "go away", "helo command rejected:",
                "host network not allowed", "hosts with dynamic ip", "invalid ip for sending mail of domain",
                "is in a black list", "is not allowed to send mail from", "mailfrom domain is listed in spamhaus",
                "no access from mail server", "no matches to nameserver query", "not currently accepting mail from your ip",
                "part of their network is on our block list", "please use the smtp server of your isp", "refused - see http",
                "rejected - multi-blacklist", "rejected because the sending mta or the sender has not passed validation",
                "rejecting open proxy", "sender ip address rejected", "server access forbidden by your ip ",
                "service not available, closing transmission channel",
                "smtp error from remote mail server after initial connection:",
                "sorry, that domain isn't in my list of allowed rcpthosts",
                "sorry, your remotehost looks suspiciously like spammer",
                "temporarily deferred due to unexpected volume or user complaints",
                "to submit messages to this e-mail system has been rejected", "too many spams from your ip",
                "too many unwanted messages have been sent from the following ip address above", "was blocked by ",
                "we do not accept mail from dynamic ips", "you are not allowed to connect", "you are sending spam",
                "your ip address is listed in the rbl", "your network is temporary blacklisted",
                "your server requires confirmation"),
                seq(of("(", "@", ":blocked)"), of("access from ip address ", " blocked"), of("client host ", " blocked using"),
                        of("connections will not be accepted from ", " because the ip is in spamhaus's list"),
                        of("dnsbl:rbl ", ">_is_blocked"), of("email blocked by ", ".barracudacentral.org"),
                        of("email blocked by ", "spamhaus"), of("host ", " refused to talk to me: ", " blocked"),
                        of("ip ", " is blocked by earthlink"), of("is in an ", "rbl on "), of("mail server at ", " is blocked"),
                        of("mail from ", " refused:"), of("mail from ", " refused, see ", "orbs"),
                        of("message from ", " rejected based on blacklist"),
                        of("messages from ", " temporarily deferred due to user complaints"),
                        of("server ip ", " listed as abusive"), of("sorry! your ip address", " is blocked by rbl"),
                        of("the domain ", " is blacklisted"), of("the email ", " is blacklisted"), of("the ip", " is blacklisted"),
                        of("veuillez essayer plus tard. service refused, please try later. ", "103"),
                        of("veuillez essayer plus tard. service refused, please try later. ", "510"),
                        of("your access ip", " has been rejected"), of("your sender's ip address is listed at ", ".abuseat.org")));
        ReasonPatterns.put(t, BounceReason.POLICYVIOLATION, of(
                "an illegal attachment on your message", "because the recipient is not accepting mail with ",
                "by non-member to a members-only list", "closed mailing list", "denied by policy",
                "email not accepted for policy reasons", "email rejected due to security policies", "header are not accepted",
                "header error", "local policy violation", "message bounced due to organizational settings",
                "message given low priority", "message not accepted for policy reasons",
                "message rejected due to local policy", "messages with multiple addresses", "rejected for policy reasons",
                "protocol violation", "the email address used to send your message is not subscribed to this group",
                "the message was rejected by organization policy",
                "this message was blocked because its content presents a potential",
                "we do not accept messages containing images or other attachments", "you're using a mass mailer"),
                seq(of("you have exceeded the", "allowable number of posts without solving a captcha")));
        ReasonPatterns.put(t, BounceReason.SECURITYERROR, of(
                "account not subscribed to ses", "authentication credentials invalid", "authentication failure",
                "authentication required", "authentication turned on in your email client",
                "executable files are not allowed in compressed files", "insecure mail relay",
                "recipient address rejected: access denied",
                "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
                "unauthenticated senders not allowed", "verification failure",
                "you are not authorized to send mail, authentication is required"),
                seq(of("authentication failed; server ", " said: "), of("authentification invalide", "305"),
                        of("authentification requise", "402"), of("domain ", " is a dead domain"),
                        of("user ", " is not authorized to perform ses:sendrawemail on resource")));
        ReasonPatterns.put(t, BounceReason.EXPIRED, of(
                "connection timed out", "could not find a gateway for", "delivery attempts will continue to be",
                "delivery expired", "delivery time expired", "failed to deliver to domain ", "giving up on",
                "have been failing for a long time", "has been delayed", "it has not been collected after",
                "message expired after sitting in queue for", "message expired, cannot connect to remote server",
                "message expired, connection refulsed", "message timed out",
                "retry time not reached for any host after a long failure period", "server did not respond",
                "this message has been in the queue too long", "unable to deliver message after multiple retries",
                "was not reachable within the allowed queue period", "your message could not be delivered for more than"),
                seq(of("could not be delivered for", " days")));
        ReasonPatterns.put(t, BounceReason.NETWORKERROR, of(
                "could not connect and send the mail to", "dns records for the destination computer could not be found",
                "hop count exceeded - possible mail loop", "host is unreachable", "host name lookup failure",
                "host not found, try again", "mail forwarding loop for ", "malformed name server reply",
                "malformed or unexpected name server reply", "maximum forwarding loop count exceeded", "message looping",
                "message probably in a routing loop", "no route to host", "too many hops", "unable to resolve route ",
                "unrouteable mail domain"), seq());
        ReasonPatterns.put(t, BounceReason.NOTACCEPT, of(
                "does not accept mail (nullmx)", "host/domain does not accept mail", "host does not accept mail",
                "mail receiving disabled", "name server: .: host not found", "no mx record found for domain=",
                "no route for current request", "smtp protocol returned a permanent error"), seq());
        ReasonPatterns.put(t, BounceReason.SYSTEMERROR, of(
                "aliasing/forwarding loop broken", "can't create user output file", "could not load drd for domain",
                "internal error reading data", "internal server error: operation now in progress", "interrupted system call",
                "it encountered an error while being processed", "it would create a mail loop", "local configuration error",
                "local error in processing", "loop was found in the mail exchanger", "loops back to myself",
                "mail system configuration error", "queue file write error", "recipient deferred because there is no mdb",
                "remote server is misconfigured", "server configuration error", "service currently unavailable",
                "system config error", "temporary local problem", "timeout waiting for input", "transaction failed "),
                seq(of("unable to connect ", "daemon")));
        ReasonPatterns.put(t, BounceReason.SYSTEMFULL, of(
                "mail system full", "requested mail action aborted: exceeded storage allocation"), seq());
        ReasonPatterns.put(t, BounceReason.VIRUSDETECTED, of(
                "it has a potentially executable attachment",
                "the message was rejected because it contains prohibited virus or spam content",
                "this form of attachment has been used by recent viruses or other malware", "virus detected",
                "virus phishing/malicious_url detected", "your message was infected with a virus"), seq());
        ReasonPatterns.put(t, BounceReason.MAILERERROR, of(
                " || exit ", "procmail: ", "bin/procmail", "bin/maidrop", "command failed: ", "command died with status ",
                "command output:", "mailer error", "pipe to |/", "x-unix; "), seq());
        ReasonPatterns.put(t, BounceReason.VACATION, of(
                "i am away on vacation", "i am away until", "i am out of the office", "i will be traveling for work on",
                "out of office", "away from the office", "vacation"), seq());
    }
}
