package io.bouncedesk.bounce;

/**
 * Where the error report of a human-readable bounce ends and the returned message begins, and
 * undoing the "> " quoting of a forwarded bounce.
 */
final class ReportSections {

    /** Lines (lower-case, contained) after which the returned message begins. */
    private static final String[] END_MARKERS = {
        "below this line is a copy of the message", "enclosed is a copy of the message", "the header of the original message is following",
        "this is a copy of the message", "this is a copy of your message", "----- original message -----",
        "original message follows", "unsent message follows", "below is a copy of the original message",
        "message headers follow", "header of the original message is following", "included is a copy of the message",
        "------- returned message", "-------original message", "-------original mail info", "original message headers:",
        "message text follows:", "end of message  ", "------ original message", "--- original message",
        "the original message was:", "original message:", "this is the original message",
    };

    /** The markers without their decoration, as they appear where a line's text starts. */
    private static final PhraseIndex MARKERS = new PhraseIndex(java.util.Arrays.stream(END_MARKERS)
            .map(m -> m.replaceFirst("^[ \\t\\-|*=>]+", "")).distinct().toList());

    /**
     * The notification without the returned message: cut at the first line that is a copy marker
     * (markers open their line, after decoration such as "---", "|" or "*").
     */
    static String errorSection(String text) {
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int i = pos;
            while (i < eol && " \t-|*=>".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i < eol && MARKERS.startsAtIgnoreCase(text, i)) {
                return text.substring(0, pos);
            }
            pos = eol + 1;
        }
        return text;
    }

    /** Removes one level of "> " quoting when most lines are quoted (a forwarded bounce). */
    static String unquote(String text) {
        int quoted = 0;
        int total = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            if (eol > pos) {
                total++;
                if (text.charAt(pos) == '>') {
                    quoted++;
                }
            }
            pos = eol + 1;
        }
        if (total < 4 || quoted * 2 < total) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (String l : text.split("\n", -1)) {
            sb.append(l.startsWith("> ") ? l.substring(2) : l.startsWith(">") ? l.substring(1) : l).append('\n');
        }
        return sb.toString();
    }

    private ReportSections() {
    }
}
