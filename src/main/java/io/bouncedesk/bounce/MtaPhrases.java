package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * Fixed sentences that particular MTAs write into their bounces, each with the reason it
 * stands for (from the MTAs' sources: Exim deliver.c, qmail-remote.c, OpenSMTPD mta.c, dma, ...).
 * They are exact enough to be trusted whatever the vendor, and beat generic phrase matching.
 */
final class MtaPhrases {

    private record Entry(String phrase, BounceReason reason) {
    }

    private static final Entry[] ENTRIES = {
        // Exim
        e("all host address lookups failed permanently", HOSTUNKNOWN),
        e("all relevant mx records point to non-existent hosts", HOSTUNKNOWN),
        e("unrouteable address", HOSTUNKNOWN),
        e("error: quota exceed", MAILBOXFULL),
        e("an mx or srv record indicated no smtp service", NOTACCEPT),
        e("no host found for existing smtp connection", NOTACCEPT),
        e("angle-brackets nested too deep", SYNTAXERROR),
        e("expected word or \"<\"", SYNTAXERROR),
        e("domain missing in source-routed address", SYNTAXERROR),
        e("malformed address:", SYNTAXERROR),
        e("delivery to file forbidden", SYSTEMERROR),
        e("delivery to pipe forbidden", SYSTEMERROR),
        e("local delivery failed", SYSTEMERROR),
        e("lmtp error after ", SYSTEMERROR),
        e("too many \"received\" headers", CONTENTERROR),
        // Gmail
        e("dns error: could not contact dns servers", EXPIRED),
        e("delivery to the following recipient has been delayed", EXPIRED),
        e("the recipient server did not accept our requests to connect", EXPIRED),
        e("dns error: domain name not found", HOSTUNKNOWN),
        e("dns error: dns server returned answer with no data", HOSTUNKNOWN),
        // DragonFly Mail Agent
        e("could not deliver for the last ", EXPIRED),
        e("dns lookup failure: host ", HOSTUNKNOWN),
        // OpenSMTPD
        e("envelope expired", EXPIRED),
        e("could not retrieve credentials", SECURITYERROR),
        e("address family mismatch on destination mxs", NETWORKERROR),
        e("all routes to destination blocked", NETWORKERROR),
        e("bad dns lookup error code", NETWORKERROR),
        e("could not retrieve source address", NETWORKERROR),
        e("loop detected", NETWORKERROR),
        e("network error on destination mxs", NETWORKERROR),
        e("no valid route to remote mx", NETWORKERROR),
        e("no valid route to destination", NETWORKERROR),
        e("temporary failure in mx lookup", NETWORKERROR),
        e("destination seem to reject all mails", NOTACCEPT),
        e("no mx found for domain", NOTACCEPT),
        e("no mx found for destination", NOTACCEPT),
        // qmail and clones
        e("sorry, i couldn't find any host ", HOSTUNKNOWN),
        e("disk quota exceeded", MAILBOXFULL),
        e("message size exceeds fixed maximum message size:", MESGTOOBIG),
        e("sorry, i wasn't able to establish an smtp connection", NETWORKERROR),
        e("sorry. although i'm listed as a best-preference mx or a for that host", NETWORKERROR),
        e("sorry, i couldn't find a mail exchanger or ip address", NOTACCEPT),
        e("bad interpreter: no such file or directory", SYSTEMERROR),
        e("requested action not taken: mailbox unavailable (not enough free space)", SYSTEMFULL),
        e("no mailbox here by that name", USERUNKNOWN),
        e("the message exeeded the maximum size the user accepts", EXCEEDLIMIT),
        e("mailaddress is administrativ", SUSPEND),
        e("automatic homedir creator crashed", SYSTEMERROR),
        e("illegal value in ldap attribute", SYSTEMERROR),
        e("ldap attribute is not given but mandatory", SYSTEMERROR),
        e("timeout while performing search on ldap server", SYSTEMERROR),
        e("too many results returned but needs to be unique", SYSTEMERROR),
        e("error while executing qmail-forward", SYSTEMERROR),
        e("temporary error in automatic homedir creation", SYSTEMERROR),
        e("temporary failure in ldap lookup", SYSTEMERROR),
        e("unable to contact ldap server", SYSTEMERROR),
        e("unable to login into ldap server, bad credentials", SYSTEMERROR),
        // au KDDI, EZweb
        e("as their mailbox is full", MAILBOXFULL),
        e("due to the following smtp relay error", NORELAYING),
        e("as the remote domain doesnt exist", HOSTUNKNOWN),
        e("your message was not delivered within ", EXPIRED),
        e("the user(s) account is temporarily over quota", MAILBOXFULL),
        e("the user(s) account is disabled.", SUSPEND),
        e("the user(s) account is temporarily limited.", SUSPEND),
        // IMail
        e("invalid final delivery userid", USERUNKNOWN),
        e("user mailbox exceeds allowed size", MAILBOXFULL),
        e("requested action not taken: virus detected", VIRUSDETECTED),
        // Exchange and Exchange Online NDR codes
        e("smtpsend.dns.nonexistentdomain", HOSTUNKNOWN),
        e("smtpsend.dns.mxloopback", NETWORKERROR),
        e("resolver.adr.badprimary", SYSTEMERROR),
        e("resolver.adr.recipnotfound", USERUNKNOWN),
        e("resolver.adr.recipientnotfound", USERUNKNOWN),
        e("resolver.adr.exrecipnotfound", USERUNKNOWN),
        e("resolver.adr.reciplimit", TOOMANYCONN),
        e("resolver.adr.invalidinsmtp", SYSTEMERROR),
        e("resolver.adr.ambiguous", SYSTEMERROR),
        e("resolver.rst.authrequired", SECURITYERROR),
        e("resolver.rst.notauthorized", REJECTED),
        e("resolver.rst.recipsizelimit", MESGTOOBIG),
        e("queue.expired", EXPIRED),
        // HCL Domino and Notes (English, Spanish, French, Japanese)
        e("not listed in domino directory", USERUNKNOWN),
        e("not listed in public name & address book", USERUNKNOWN),
        e("no se encuentra en el directorio de domino", USERUNKNOWN),
        e("non répertorié dans l'annuaire domino", USERUNKNOWN),
        e("domino ディレクトリには見つかりません", USERUNKNOWN),
        e("ディレクトリのリストにありません", USERUNKNOWN),
        e("cannot route mail to user", FILTERED),
        e("several matches found in domino directory", SYSTEMERROR),
        e("message has exceeded maximum hop count", NETWORKERROR),
        // Others: AOL relay, McAfee, Zoho, fml
        e("user not exist", USERUNKNOWN),
        e("host not reachable", EXPIRED),
        e("you are not a member of this mailing list", REJECTED),
    };

    private MtaPhrases() {
    }

    private static Entry e(String phrase, BounceReason reason) {
        return new Entry(phrase, reason);
    }

    static java.util.List<String> phrases() {
        return java.util.Arrays.stream(ENTRIES).map(Entry::phrase).toList();
    }

    static BounceReason reasonAt(int i) {
        return ENTRIES[i].reason;
    }

    /** The reason of the first known MTA sentence (in table order) in the lower-cased text about f, or null. */
    static BounceReason find(RecipientFact f, String lower) {
        return ReasonPatterns.analyse(f, lower).mtaReason();
    }
}
