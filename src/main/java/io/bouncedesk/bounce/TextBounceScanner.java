package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds failed recipients and their error text in a human-readable bounce (qmail, Exim,
 * Sendmail transcripts, Exchange, Gmail, carriers...). Works line by line: a line whose first
 * address opens the line, follows "... to:" or is a Sendmail "550 &lt;addr&gt;..." reply names a
 * recipient; the lines after it, up to the next recipient, are its diagnostic.
 */
final class TextBounceScanner {

    /** Words that introduce a failed recipient later on the same line (the line must end with one). */
    private static final String[] RECIPIENT_INTROS = {
        "recipient:", ", address:", "addressed to", "could not be delivered to:", "delivered to", "delivery failed:",
        "did not reach the following recipient:", "error-for:", "failed recipient:", "failed to deliver to",
        "intended recipient:", "mailbox is full:", "rcpt to:", "rcpt to", "rejected recipient", "permanent errors:",
        "the following message to", "unknown user:", "undeliverable to", "undeliverable address:", "you sent mail to",
        "your message to", "delivering your mail to", "delivery userid:", "attempts:", "unable to deliver message to",
        "not delivered to:", "could not deliver to", "user unknown:", "not a member of this mailing list",
        "宛先:", "宛先：", "あて先:", "あて先：",
    };

    private TextBounceScanner() {
    }

    static List<RecipientFact> scan(String section, String sectionLower, Set<String> excluded) {
        String[] lines = section.split("\n");
        String[] lowerLines = sectionLower.split("\n");
        Map<String, RecipientFact> facts = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        RecipientFact current = null;
        List<String> pending = new ArrayList<>();
        RecipientFact lastBeforeTranscript = null;
        int[] end = new int[1];
        String previous = "";
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty()) {
                continue;
            }
            String lower = lowerLines.length == lines.length ? lowerLines[i].strip() : t.toLowerCase(Locale.ROOT);
            boolean instructed = ReportLines.endsWithAny(previous, ReportLines.INSTRUCTION_ENDS); // "...send mail to the address" + address
            previous = lower;
            if (lower.startsWith("while talking to") || lower.startsWith("... while talking to")) {
                // A Sendmail transcript: the lines until the next "NNN <addr>..." belong to that address
                pending.clear();
                pending.add(t);
                lastBeforeTranscript = current != null ? current : lastBeforeTranscript;
                current = null;
                continue;
            }
            int form = 0; // 1: address opens the line, 2: Sendmail reply line, 3: introduced by a phrase
            String addr = null;
            int aStart = -1;
            if (t.indexOf('@') > 0 && !ReportLines.excludedLine(lower) && !instructed) {
                int p = Addresses.find(t, 0, end);
                while (p >= 0) {
                    String a = t.substring(p, end[0]);
                    // "addr:" alone on a line heads a recipient's errors even if it is also the sender
                    if (!excluded.contains(Addresses.key(a)) || (p == 0 && t.length() == end[0] + 1 && t.endsWith(":"))) {
                        form = formOf(t, lower, p, end[0]);
                        if (form != 0) {
                            addr = a;
                            aStart = p;
                        }
                        break; // only the first usable address of a line can name a recipient
                    }
                    p = Addresses.find(t, end[0], end);
                }
            }
            if (form == 1) {
                int e2 = secondAddressEnd(t, end[0]);
                if (e2 > 0) { // Exim: "user@example.org <other@example.net>: malformed address: ..."
                    aStart = end[0] + 2;
                    addr = t.substring(aStart, e2);
                    end[0] = e2;
                }
            }
            if (addr == null) {
                if (ReportLines.isMetaLine(lower)) {
                    continue; // "Subject: ...", "Sent date: ...": facts about the message, not the error
                }
                if (current != null) {
                    current.addDiagnostic(t);
                    addErrorLine(current, t);
                } else {
                    pending.add(t);
                }
                continue;
            }
            String key = Addresses.key(addr);
            String rest = restOf(t, aStart, end[0], form);
            RecipientFact f = facts.get(key);
            if (f == null) {
                f = new RecipientFact(addr);
                facts.put(key, f);
                firstLine.put(key, i);
            }
            if (t.startsWith(">>>") && f.command.isEmpty()) {
                f.command = SmtpCodes.findCommand(t); // ">>> RCPT To:<addr>" in a transcript
            }
            if (form == 2) {
                for (String pl : pending) {
                    f.addDiagnostic(pl);
                    addErrorLine(f, pl);
                }
                f.addDiagnostic(rest);
                addErrorLine(f, t);
                current = null;
            } else {
                f.addDiagnostic(rest);
                if (!rest.isEmpty()) { // the error written on the recipient's own line
                    f.addErrorLine(rest);
                }
                current = f;
            }
            pending.clear();
        }
        if (!pending.isEmpty() && lastBeforeTranscript != null && facts.size() == 1) {
            for (String pl : pending) { // a transcript that names no recipient is about the only one
                lastBeforeTranscript.addDiagnostic(pl);
                addErrorLine(lastBeforeTranscript, pl);
            }
        }
        List<RecipientFact> out = new ArrayList<>(facts.values());
        for (RecipientFact f : out) {
            if (f.diagnostic.isEmpty()) {
                Integer at = firstLine.get(Addresses.key(f.recipient));
                String before = precedingParagraph(lines, at);
                if (before.isEmpty()) { // at least the sentence that named the recipient
                    before = stripChars(lines[at], "<>*\"").replace(f.recipient, "").strip();
                }
                f.addDiagnostic(before);
                f.errorLines = before;
            }
        }
        return out;
    }

    private static void addErrorLine(RecipientFact f, String line) {
        if (ReportLines.isErrorLine(line)) {
            f.addErrorLine(line);
        }
    }

    /** The first usable address of every line that is not a header-like line, for weak fallbacks. */
    static List<String> mentioned(String section, Set<String> excluded, boolean allowToLines) {
        List<String> out = new ArrayList<>(2);
        for (String line : section.split("\n")) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (ReportLines.excludedLine(lower) && !(allowToLines && lower.startsWith("to:"))) {
                continue;
            }
            for (String a : Addresses.all(line)) {
                if (!excluded.contains(Addresses.key(a)) && !out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** How the address at [s, e) relates to its line; 0 when it is a mere mention. */
    private static int formOf(String t, String lower, int s, int e) {
        String prefix = lower.substring(0, s);
        String core = stripChars(prefix, " \t<>*\"'-[(").strip();
        if (core.isEmpty() || core.equals("recipient:") || core.equals("address:")) {
            return 1;
        }
        if (isReplyPrefix(core)
                && (t.startsWith("...", e) || t.startsWith(">...", e) || t.startsWith(">:", e) || t.startsWith(">,", e))) {
            return 2;
        }
        String p = stripChars(prefix, "<\"'[").stripTrailing();
        for (String intro : RECIPIENT_INTROS) {
            if (p.endsWith(intro)) {
                return 3;
            }
        }
        return 0;
    }

    /** "550" or "550 5.1.1": a reply code, optionally with its status, before a "<addr>:" */
    private static boolean isReplyPrefix(String core) {
        if (core.length() < 3 || !Character.isDigit(core.charAt(0)) || !SmtpCodes.isReplyCode(core.substring(0, 3))) {
            return false;
        }
        return core.length() == 3 || (core.charAt(3) == ' ' && SmtpCodes.isStatus(core.substring(4).strip()));
    }

    private static String stripChars(String s, String chars) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) < 0) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The line without the address (and its brackets): the recipient's own error text. */
    private static String restOf(String t, int s, int e, int form) {
        String before = t.substring(0, s);
        String after = t.substring(e);
        int a = 0;
        while (a < after.length() && ":<>.,;\"')]* ".indexOf(after.charAt(a)) >= 0) {
            a++;
        }
        after = after.substring(a);
        if (form == 1) {
            return after;
        }
        int b = before.length();
        while (b > 0 && "<\"'([ ".indexOf(before.charAt(b - 1)) >= 0) {
            b--;
        }
        String intro = before.substring(0, b).strip();
        String lowerIntro = intro.toLowerCase(Locale.ROOT);
        for (String i : RECIPIENT_INTROS) {
            if (lowerIntro.endsWith(i) && lowerIntro.length() - i.length() <= 4) {
                return after; // "RCPT TO: <addr>" says nothing about the error
            }
        }
        return (intro + " " + after).strip();
    }

    /**
     * The error text before a recipient line, for formats that state the error first: the nearest
     * paragraph above it, skipping message facts and introductions ("... the following recipients:").
     */
    private static String precedingParagraph(String[] lines, Integer at) {
        if (at == null) {
            return "";
        }
        int i = at - 1;
        for (int paragraphs = 0; paragraphs < 3 && i >= 0; paragraphs++) {
            while (i >= 0 && lines[i].isBlank()) {
                i--;
            }
            StringBuilder sb = new StringBuilder();
            boolean erroneous = false;
            while (i >= 0 && !lines[i].isBlank()) {
                if (!ReportLines.skippable(lines[i])) {
                    String t = lines[i].strip();
                    sb.insert(0, t + " ");
                    erroneous |= ReportLines.isErrorLine(t) || ReportLines.saysError(t.toLowerCase(Locale.ROOT));
                }
                i--;
            }
            if (erroneous || sb.length() > 0) {
                return sb.toString().strip();
            }
        }
        return "";
    }

    /** End of "<addr2>" when the first address is directly followed by " <addr2>:", else -1. */
    private static int secondAddressEnd(String t, int end) {
        if (!t.startsWith(" <", end)) {
            return -1;
        }
        int[] buf = new int[1];
        int p = Addresses.find(t, end + 2, buf);
        return p == end + 2 && t.startsWith(">:", buf[0]) ? buf[0] : -1;
    }
}
