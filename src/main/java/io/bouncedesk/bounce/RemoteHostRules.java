package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;


import static io.bouncedesk.domain.BounceReason.*;

/**
 * Large receivers document their own error codes (FrancePTT "LPN007_416", GoDaddy "IB607",
 * Spectrum "AUP#1350", Facebook "RCP-P2"...) or reuse status codes in their own way (Microsoft).
 * When the recipient's domain, the remote MTA or the reporting MTA belongs to such a receiver,
 * its rules decide the reason before the generic phrases do.
 */
final class RemoteHostRules {

    private enum Host {
        AOL(".mail.aol.com", ".mx.aol.com"), FACEBOOK(".facebook.com"),
        FRANCEPTT(".laposte.net", ".orange.fr", ".wanadoo.fr"),
        GODADDY("smtp.secureserver.net", "mailstore1.secureserver.net"), GSUITE("googlemail.com"),
        KDDI(".ezweb.ne.jp", "msmx.au.com"), MESSAGELABS(".messagelabs.com"),
        MICROSOFT(".prod.outlook.com", ".protection.outlook.com", ".onmicrosoft.com", ".exchangelabs.com"),
        MIMECAST(".mimecast.com"), NTTDOCOMO("mfsmax.docomo.ne.jp"), SPECTRUM("charter.net"), TENCENT(".qq.com"),
        YAHOO(".yahoodns.net");

        final String[] suffixes;

        Host(String... suffixes) {
            this.suffixes = suffixes;
        }
    }

    private RemoteHostRules() {
    }

    static BounceReason reasonOf(RecipientFact f) {
        if (f.diagnostic.isEmpty()) {
            return null;
        }
        Host h = hostOf(f);
        if (h == null) {
            return null;
        }
        String d = f.diagnosticLower();
        BounceReason r = switch (h) {
            case AOL -> first(d, new Object[]{HOSTUNKNOWN, "host or domain name not found"},
                    new Object[]{NOTACCEPT, "type=mx: malformed or unexpected name server reply"});
            case FACEBOOK -> facebook(f.diagnostic);
            case FRANCEPTT -> RemoteHostCodes.francePtt(d);
            case GODADDY -> RemoteHostCodes.goDaddy(f.diagnostic, d);
            case GSUITE -> gsuite(f, d);
            case KDDI -> d.contains("550 : user unknown") ? FILTERED : d.contains(">: user unknown") ? USERUNKNOWN : null;
            case MESSAGELABS -> RemoteHostCodes.messageLabs(d);
            case MICROSOFT -> RemoteHostCodes.microsoft(f.status, d);
            case MIMECAST -> RemoteHostCodes.mimecast(f.replyCode, d);
            case NTTDOCOMO -> nttDocomo(f, d);
            case SPECTRUM -> RemoteHostCodes.spectrum(f.diagnostic);
            case TENCENT -> RemoteHostCodes.tencent(d);
            case YAHOO -> RemoteHostCodes.yahoo(d);
        };
        if (r == UNDEFINED && h == Host.FRANCEPTT) {
            return r; // Orange documents these codes as carrying no reason ("try again later")
        }
        return r == ONHOLD || r == UNDEFINED ? null : r;
    }

    private static Host hostOf(RecipientFact f) {
        int at = f.recipient.lastIndexOf('@');
        if (at >= 0) {
            Host h = hostOfName(f.recipient, at + 1, f.recipient.length(), true);
            if (h != null) {
                return h;
            }
        }
        Host h = hostInText(f.remoteMta);
        if (h == null && ReasonPatterns.analyse(f, f.diagnosticLower()).namesKnownHost()) {
            h = hostInText(f.diagnostic); // the phrase index said some listed host name occurs
        }
        return h != null ? h : hostInText(f.reportingMta);
    }

    /** The listed host names without their leading dot, for the phrase index's quick test. */
    static java.util.List<String> anchors() {
        return java.util.Arrays.stream(Host.values()).flatMap(h -> java.util.Arrays.stream(h.suffixes))
                .map(x -> x.startsWith(".") ? x.substring(1) : x).toList();
    }

    /** The first host name in the text ("mx.example.org[192.0.2.1]") that belongs to a known receiver. */
    private static Host hostInText(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !hostChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean dot = false;
            boolean at = false;
            while (i < n && (hostChar(text.charAt(i)) || text.charAt(i) == '@')) {
                dot |= text.charAt(i) == '.';
                at |= text.charAt(i) == '@';
                i++;
            }
            int end = i > start && text.charAt(i - 1) == '.' ? i - 1 : i;
            if (dot && !at && end > start && Character.isLetter(text.charAt(end - 1))) {
                Host h = hostOfName(text, start, end, false);
                if (h != null) {
                    return h;
                }
            }
        }
        return null;
    }

    /**
     * The receiver a host name (text[start, end)) belongs to. A recipient domain may also be a
     * parent of a listed host ("charter.net" for "mx.charter.net"); a host must end with one.
     */
    private static Host hostOfName(String text, int start, int end, boolean domain) {
        int len = end - start;
        char last = Character.toLowerCase(text.charAt(end - 1));
        for (Host h : HOSTS) {
            for (String s : h.suffixes) {
                if (s.charAt(s.length() - 1) != last) {
                    continue; // cheap first test: they end in "com", "net", "fr" or "jp"
                }
                if (len >= s.length() && text.regionMatches(true, end - s.length(), s, 0, s.length())) {
                    return h;
                }
                if (domain && s.length() > len && s.regionMatches(true, s.length() - len, text, start, len)
                        && s.charAt(s.length() - len - 1) == '.') {
                    return h;
                }
            }
        }
        return null;
    }

    private static final Host[] HOSTS = Host.values();

    private static boolean hostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    }

    private static BounceReason first(String d, Object[]... rules) {
        for (Object[] rule : rules) {
            for (int i = 1; i < rule.length; i++) {
                if (d.contains((String) rule[i])) {
                    return (BounceReason) rule[0];
                }
            }
        }
        return null;
    }

    private static BounceReason gsuite(RecipientFact f, String d) {
        char status = f.status.isEmpty() ? ' ' : f.status.charAt(0);
        char reply = f.replyCode.isEmpty() ? ' ' : f.replyCode.charAt(0);
        if (d.contains("because the address couldn't be found. check for typos")) {
            return USERUNKNOWN;
        }
        if (d.contains("null mx")) {
            return NOTACCEPT;
        }
        boolean dns = d.contains(" responded with code nxdomain") || d.contains("domain name not found");
        if (dns && status == '5' && reply == '5') {
            return HOSTUNKNOWN;
        }
        if ((dns || d.contains(" had no relevant answers.")) && status != '5' && reply != '5') {
            return NETWORKERROR;
        }
        return null;
    }

    private static BounceReason nttDocomo(RecipientFact f, String d) {
        if (f.status.equals("5.1.1")) {
            return USERUNKNOWN;
        }
        if (f.status.equals("5.2.0")) {
            return FILTERED;
        }
        BounceReason r = first(d, new Object[]{MAILBOXFULL, "552 too much mail data"},
                new Object[]{SYNTAXERROR, "503 bad sequence of commands", "504 command parameter not implemented"},
                new Object[]{TOOMANYCONN, "552 too many recipients"});
        if (r == null && f.status.equals("5.0.0")) {
            // docomo answers "550 Unknown user" both for unknown users (at RCPT) and for
            // recipients whose filter refuses the sender (after DATA)
            r = f.command.equals("RCPT") ? USERUNKNOWN : f.command.equals("DATA") ? REJECTED : null;
        }
        return r;
    }

    private static final String[][] FACEBOOK_CODES = {
        {"authfailure", "POL-P7"}, {"blocked", "POL-P1", "POL-P2", "POL-P3", "POL-P4", "POL-T1", "POL-T2", "POL-T3"},
        {"contenterror", "MSG-P2"}, {"filtered", "RCP-P2", "RCP-P3"}, {"mesgtoobig", "MSG-P1", "INT-P2"},
        {"notcompliantrfc", "MSG-P3"}, {"rejected", "DNS-P1", "DNS-P2", "DNS-T1"}, {"requireptr", "DNS-P3", "DNS-T2"},
        {"spamdetected", "POL-P6"}, {"suspend", "RCP-T4"}, {"systemerror", "RCP-T1"},
        {"toomanyconn", "CON-T1", "CON-T2", "CON-T3", "CON-T4", "MSG-T1"},
        {"userunknown", "RCP-P1", "INT-P1", "INT-P3", "INT-P4"}, {"virusdetected", "POL-P5"},
    };

    private static BounceReason facebook(String diag) {
        int dash = diag.indexOf('-');
        while (dash >= 3 && dash + 3 <= diag.length()) {
            String label = diag.substring(dash - 3, dash + 3);
            for (String[] row : FACEBOOK_CODES) {
                for (int i = 1; i < row.length; i++) {
                    if (row[i].equals(label)) {
                        return BounceReason.fromCode(row[0]);
                    }
                }
            }
            dash = diag.indexOf('-', dash + 1);
        }
        return null;
    }
}
