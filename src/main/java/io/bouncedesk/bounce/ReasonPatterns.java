package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Error-message phrases per bounce reason, matched against lower-cased diagnostic text. The
 * phrases are what real servers say (collected from bounce corpora and the Sisimai project's
 * public lists, BSD-2-Clause, Copyright (C) azumakuniyuki); a "sequence" matches when its pieces
 * occur in that order.
 */
final class ReasonPatterns {

    private record Phrases(String[] any, String[][] seq) {
    }

    private static final Map<BounceReason, Phrases> TABLE = new EnumMap<>(BounceReason.class);

    private static void add(BounceReason r, String[] any, String[]... seq) {
        TABLE.put(r, new Phrases(any, seq));
    }

    private static String[] of(String... s) {
        return s;
    }

    static {
        add(BounceReason.USERUNKNOWN, of(
                "#5.1.1 bad address", "550 address invalid", "5.1.0 address rejected.", "address does not exist",
                "address not present in directory", "address unknown", "can't accept user", "does not exist.",
                "destination addresses were unknown", "destination server rejected recipients",
                "email address does not exist", "email address could not be found", "invalid address",
                "invalid mailbox", "invalid recipient", "is not a known user", "is not a valid mailbox",
                "is not an active address at this host", "mailbox does not exist", "mailbox invalid",
                "mailbox is inactive", "mailbox is unavailable", "mailbox not present", "mailbox not found",
                "mailbox unavaiable", "no account by that name here", "no existe dicha persona", "no existe ese usuario ",
                "no mail box available for this user", "no mailbox by that name is currently available",
                "no mailbox found", "no such address here", "no such mailbox", "no such person at this address",
                "no such recipient", "no such user", "no thank you rejected: account unavailable",
                "no valid recipients, bye", "not a valid recipient", "not a valid user here", "not a local address",
                "not email addresses", "recipient address rejected. (in reply to rcpt to command)",
                "recipient address rejected: access denied", "recipient address rejected: invalid user",
                "recipient address rejected: invalid-recipient", "recipient address rejected: unknown user",
                "recipient address rejected: userunknown", "recipient does not exist", "recipient is not accepted",
                "recipient is not local", "recipient not exist", "recipient not found", "recipient not ok",
                "recipient refuses to accept your mail", "recipient unknown",
                "requested action not taken: mailbox unavailable", "resolver.adr.recipient notfound",
                "resolver.adr.recipnotfound", "resolver.adr.recipientnotfound", "sorry, user unknown",
                "sorry, badrcptto", "sorry, no mailbox here by that name",
                "sorry, your envelope recipient has been denied", "the email account that you tried to reach does not exist",
                "the following recipients was undeliverable", "the user's email name is not found",
                "there is no one at this address", "this address no longer accepts mail",
                "this email address is wrong or no longer valid", "this recipient is in my badrecipientto list",
                "this recipient is not in my validrcptto list", "this spectator does not exist", "unknown mailbox",
                "unknown recipient", "unknown user", "user does not exist", "user missing home directory",
                "user not active", "user not exist", "user not found", "user not known", "user unknown",
                "utilisateur inconnu !", "vdeliver: invalid or unknown virtual user",
                "your envelope recipient is in my badrcptto list", "the recipient name is not recognized",
                "unknown or illegal user", "unknown or illegal alias", "recipient name is not recognized"),
                of("<", "> not found"), of("<", ">... blocked by "), of("account ", " does not exist at the organization"),
                of("adresse d au moins un destinataire invalide. invalid recipient.", "416"),
                of("adresse d au moins un destinataire invalide. invalid recipient.", "418"), of("bad", "recipient"),
                of("mailbox ", "does not exist"), of("mailbox ", "unavailable or access denied"),
                of("no ", " in name directory"), of("non", "existent user"), of("rcpt <", " does not exist"),
                of("recipient ", " was not found in"), of("recipient address rejected: user ", " does not exist"),
                of("recipient address rejected: user unknown in ", " table"), of("said: 550", "5.1.1 ", " user unknown "),
                of("this user doesn't have a ", " account"), of("unknown e", "mail address"), of("unknown local", "part"),
                of("user ", " was not found"), of("user ", " does not exist"), of("user (", ") unknown"));
        add(BounceReason.MAILBOXFULL, of(
                "452 insufficient disk space", "account disabled temporarly for exceeding receiving limits",
                "boite du destinataire pleine", "exceeded storage allocation", "full mailbox", "mailbox exceeds allowed size",
                "mailbox size limit exceeded", "mailbox would exceed maximum allowed storage", "mailfolder is full",
                "no space left on device", "not sufficient disk space", "quota violation for", "too much mail data",
                "user has exceeded quota, bouncing mail", "user has too many messages on the server",
                "user's space has been used up", "mailbox is full", "storage quota exceeded", "over quota",
                "as their mailbox is full", "recipient's mailbox exceeded"),
                of("account is ", " quota"), of("disk", "quota"), of("enough ", " space"), of("mailbox ", "exceeded", " limit"),
                of("mailbox ", "full"), of("mailbox ", "quota"), of("maildir ", "quota"), of("over ", "quota"),
                of("quota ", "exceeded"));
        add(BounceReason.MESGTOOBIG, of(
                "exceeded maximum inbound message size", "exceeded the maximum incoming message size", "line limit exceeded",
                "max message size exceeded", "message file too big", "message length exceeds administrative limit",
                "message size exceeds fixed limit", "message size exceeds fixed maximum message size",
                "message size exceeds maximum value", "message too big", "message too large for this ", "size limit",
                "taille limite du message atteinte"));
        add(BounceReason.EXCEEDLIMIT, of("message header size exceeds limit", "message too large"));
        add(BounceReason.SUSPEND, of(
                " is currently suspended", " temporary locked", "archived recipient", "boite du destinataire archivee",
                "email account that you tried to reach is disabled", "has been suspended", "inactive account",
                "invalid/inactive user", "is a deactivated mailbox", "is unavailable: user is terminated",
                "mailbox currently suspended", "mailbox disabled", "mailbox is frozen", "mailbox unavailable or access denied",
                "recipient rejected: temporarily inactive", "recipient suspend the service",
                "the email account that you tried to reach is inactive", "this account has been disabled or discontinued",
                "this account has been temporarily suspended", "this address no longer accepts mail",
                "this mailbox is disabled", "user or domain is disabled", "user suspended",
                "vdelivermail: account is locked email bounced", "account is disabled", "account has been disabled"));
        add(BounceReason.HASMOVED, of(" has been replaced by "));
        add(BounceReason.NORELAYING, of(
                "as a relay", "email address is not verified.", "insecure mail relay",
                "is not permitted to relay through this server without authentication",
                "mail server requires authentication when attempting to send to a non-local e-mail address", "no relaying",
                "not a gateway", "not allowed to relay through this machine", "not an open relay, so get lost",
                "not local host", "relay access denied", "relay denied", "relay not permitted", "relaying denied",
                "relaying mail to ", "specified domain is not allowed", "that domain isn't in my list of allowed rcpthost",
                "this system is not configured to relay mail", "unable to relay ", "we don't handle mail for"));
        add(BounceReason.AUTHFAILURE, of(
                "//spf.pobox.com", "bad spf records for", "dmarc policy", "doesn't meet the required authentication level",
                "please inspect your spf settings", "sender policy framework (spf) fail", "sender policy framework violation",
                "spf (sender policy framework) domain authentication fail", "spf check: fail",
                "the 5322.from address doesn't meet the authentication requirements defined for the sender",
                "does not pass dmarc verification", "dmarc verification", "multiple authentication checks failed"),
                of(" is not allowed to send mail.", "_401"), of("is not allowed to send from <", " per it's spf record"));
        add(BounceReason.FILTERED, of(
                "account is protected by", "bounced address", "has restricted sms e-mail", "is not accepting any mail",
                "message filtered", "message rejected due to user rules", "not found recipient account",
                "recipient id refuse to receive mail", "recipient is only accepting mail from specific email addresses",
                "refused due to recipient preferences", "user not found", "user refuses to receive this mail", "user reject",
                "you have been blocked by the recipient"));
        add(BounceReason.REQUIREPTR, of(
                "access denied. ip name lookup failed", "all mail servers must have a ptr record with a valid reverse dns entry",
                "bad dns ptr resource record", "cannot find your hostname", "cannot resolve your address.",
                "client host rejected: cannot find your hostname", "fix reverse dns for ", "ips with missing ptr records",
                "no ptr record found.", "please get a custom reverse dns name from your isp for your host", "ptr record setup",
                "reverse dns failed", "reverse dns required", "sender ip reverse lookup rejected",
                "the ip address sending this message does not have a ptr record setup",
                "the corresponding forward dns entry does not point to the sending ip",
                "this system will not accept messages from servers/devices with no reverse dns", "unresolvable relay host name",
                "we do not accept mail from hosts with dynamic ip or generic dns ptr-records"),
                of("domain ", " mismatches client ip"), of("dns lookup failure: ", " try again later"),
                of("reverse dns lookup for host ", " failed permanently"),
                of("server access ", " forbidden by invalid rdns record of your mail server"),
                of("service permits ", " unverifyable sending ips"));
        add(BounceReason.NOTCOMPLIANTRFC, of(
                "this message is not rfc 5322 compliant",
                "https://support.google.com/mail/?p=rfcmessagenoncompliant"), of(" multiple ", " header"));
        add(BounceReason.BADREPUTATION, of(
                "a poor email reputation score", "has been temporarily rate limited due to ip reputation",
                "ip/domain reputation problems", "likely suspicious due to the very low reputation", "none/bad reputation",
                "temporarily deferred due to unexpected volume or user complaints", "the sending mta's poor reputation"));
        add(BounceReason.CONTENTERROR, of(
                "duplicate header", "header size exceeds maximum permitted", "improper use of 8-bit data in message header",
                "message header size, or recipient list, exceeds policy limit",
                "message mime complexity exceeds the policy maximum", "routing loop detected -- too many received: headers",
                "this message contain invalid mime headers", "this message contain improperly-formatted binary content",
                "this message contain text that uses unnecessary base64 encoding"));
        RejectionPhrases.fill(TABLE);
        ReplyPhrases.fill(TABLE);
    }

    static void put(Map<BounceReason, ?> table, BounceReason r, String[] any, String[][] seq) {
        @SuppressWarnings("unchecked")
        Map<BounceReason, Phrases> t = (Map<BounceReason, Phrases>) table;
        t.put(r, new Phrases(any, seq));
    }

    /** Adds phrases to those {@code r} has already. */
    static void extend(Map<BounceReason, ?> table, BounceReason r, String... any) {
        @SuppressWarnings("unchecked")
        Map<BounceReason, Phrases> t = (Map<BounceReason, Phrases>) table;
        Phrases old = t.get(r);
        if (old == null) {
            t.put(r, new Phrases(any, new String[0][]));
            return;
        }
        String[] merged = Arrays.copyOf(old.any, old.any.length + any.length);
        System.arraycopy(any, 0, merged, old.any.length, any.length);
        t.put(r, new Phrases(merged, old.seq));
    }

    /** A sequence: its reason, the index ids of its pieces and the pieces. */
    private record Sequence(BounceReason reason, int[] ids, String[] pieces) {
    }

    /** All phrases in one index; OWNER maps an "any" phrase to its reason, null for other entries. */
    private static final PhraseIndex INDEX;
    private static final BounceReason[] OWNER;
    /** The sequences whose first piece is the phrase with this id (null for most ids). */
    private static final Sequence[][] SEQ_BY_FIRST;
    private static final int NOT_REJECTED_FROM;
    /** Where the host names of {@link RemoteHostRules} start in the index. */
    private static final int HOSTS_FROM;
    /** Where the fixed MTA sentences of {@link MtaPhrases} start in the index (they run to the end). */
    private static final int MTA_FROM;

    static {
        List<String> all = new ArrayList<>(1024);
        List<BounceReason> owner = new ArrayList<>(1024);
        for (Map.Entry<BounceReason, Phrases> e : TABLE.entrySet()) {
            for (String p : e.getValue().any) {
                all.add(p);
                owner.add(e.getKey());
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Map.Entry<BounceReason, Phrases> e : TABLE.entrySet()) {
            for (String[] pieces : e.getValue().seq) {
                int[] ids = new int[pieces.length];
                for (int j = 0; j < pieces.length; j++) {
                    ids[j] = all.size();
                    all.add(pieces[j]);
                    owner.add(null);
                }
                sequences.add(new Sequence(e.getKey(), ids, pieces));
            }
        }
        NOT_REJECTED_FROM = all.size();
        for (String p : RejectionPhrases.NOT_REJECTED) {
            all.add(p);
            owner.add(null);
        }
        HOSTS_FROM = all.size();
        for (String p : RemoteHostRules.anchors()) {
            all.add(p);
            owner.add(null);
        }
        MTA_FROM = all.size();
        for (String p : MtaPhrases.phrases()) {
            all.add(p);
            owner.add(null);
        }
        INDEX = new PhraseIndex(all);
        OWNER = owner.toArray(new BounceReason[0]);
        SEQ_BY_FIRST = new Sequence[all.size()][];
        for (Sequence q : sequences) {
            Sequence[] old = SEQ_BY_FIRST[q.ids[0]];
            Sequence[] grown = old == null ? new Sequence[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = q;
            SEQ_BY_FIRST[q.ids[0]] = grown;
        }
    }

    private ReasonPatterns() {
    }

    /** What a lower-cased text says: the reasons its phrases state, and the reason of its first fixed MTA sentence. */
    record Analysis(Set<BounceReason> reasons, BounceReason mtaReason, boolean namesKnownHost) {
    }

    private static final Analysis NOTHING = new Analysis(EnumSet.noneOf(BounceReason.class), null, false);

    /**
     * Analyses a lower-cased text about {@code f}; the fact keeps the last result, because the
     * vendor rules and the resolver usually ask about the same diagnostic.
     */
    static Analysis analyse(RecipientFact f, String lower) {
        if (lower.equals(f.analysedText)) {
            return f.analysis;
        }
        Analysis a = analyse(lower);
        f.analysedText = lower;
        f.analysis = a;
        return a;
    }

    static Analysis analyse(String lower) {
        if (lower.isEmpty()) {
            return NOTHING;
        }
        EnumSet<BounceReason> found = EnumSet.noneOf(BounceReason.class);
        BitSet hits = INDEX.matches(lower);
        for (int id = hits.nextSetBit(0); id >= 0; id = hits.nextSetBit(id + 1)) {
            if (OWNER[id] != null) {
                found.add(OWNER[id]);
            } else if (SEQ_BY_FIRST[id] != null) {
                for (Sequence q : SEQ_BY_FIRST[id]) {
                    if (!found.contains(q.reason) && allHit(hits, q.ids) && inOrder(lower, q.pieces)) {
                        found.add(q.reason);
                    }
                }
            }
        }
        int notRejected = hits.nextSetBit(NOT_REJECTED_FROM);
        if (found.contains(BounceReason.REJECTED) && notRejected >= 0 && notRejected < HOSTS_FROM) {
            found.remove(BounceReason.REJECTED); // it is the recipient or the client IP that was rejected
        }
        int mta = hits.nextSetBit(MTA_FROM);
        int host = hits.nextSetBit(HOSTS_FROM);
        return new Analysis(found, mta < 0 ? null : MtaPhrases.reasonAt(mta - MTA_FROM), host >= 0 && host < MTA_FROM);
    }

    /** Whether the lower-cased text says {@code reason} (convenience for single checks). */
    static boolean says(BounceReason reason, String lower) {
        return analyse(lower).reasons().contains(reason);
    }

    private static boolean allHit(BitSet hits, int[] ids) {
        for (int id : ids) {
            if (!hits.get(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inOrder(String lower, String[] pieces) {
        int at = 0;
        for (String piece : pieces) {
            int i = lower.indexOf(piece, at);
            if (i < 0) {
                return false;
            }
            at = i + piece.length();
        }
        return true;
    }
}
