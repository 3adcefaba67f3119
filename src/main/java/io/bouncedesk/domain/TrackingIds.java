package io.bouncedesk.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers BounceDesk puts on every message it sends, so that a bounce, a provider event
 * or an auto-reply can be matched back to its marketing email and recipient:
 * <ul>
 *   <li>header {@value #HEADER}: {@code e<emailId>.r<recipientId>}</li>
 *   <li>Message-ID: {@code <bd.e<emailId>.r<recipientId>@<sending domain>>}</li>
 *   <li>VERP return path: {@code bounce-e<emailId>.r<recipientId>@<sending domain>}</li>
 * </ul>
 */
public final class TrackingIds {

    public static final String HEADER = "X-BounceDesk-Tracking";

    private static final Pattern TOKEN = Pattern.compile("e(\\d{1,18})\\.r(\\d{1,18})");
    private static final Pattern MESSAGE_ID = Pattern.compile("<?bd\\.e(\\d{1,18})\\.r(\\d{1,18})@[^>\\s]+>?");
    private static final Pattern VERP = Pattern.compile("bounce-e(\\d{1,18})\\.r(\\d{1,18})@", Pattern.CASE_INSENSITIVE);

    private TrackingIds() {
    }

    /** An email and recipient pair found in a message. */
    public record Ref(long emailId, long recipientId) {
    }

    /** A token read by hand, and where it ended. */
    private record Exact(long emailId, long recipientId, int end) {
        Optional<Ref> ref() {
            return Optional.of(new Ref(emailId, recipientId));
        }
    }

    public static String token(long emailId, long recipientId) {
        return "e" + emailId + ".r" + recipientId;
    }

    public static String messageId(long emailId, long recipientId, String sendingDomain) {
        return "<bd." + token(emailId, recipientId) + "@" + sendingDomain.toLowerCase(Locale.ROOT) + ">";
    }

    public static String verpAddress(long emailId, long recipientId, String sendingDomain) {
        return "bounce-" + token(emailId, recipientId) + "@" + sendingDomain.toLowerCase(Locale.ROOT);
    }

    public static Optional<Ref> fromToken(String headerValue) {
        if (headerValue != null) {
            Exact ref = exact(headerValue.strip(), 0);
            if (ref != null) {
                return ref.ref();
            }
        }
        return match(TOKEN, headerValue);
    }

    public static Optional<Ref> fromMessageId(String messageId) {
        if (messageId != null) {
            String s = messageId.strip();
            int at = s.startsWith("<bd.") ? 4 : s.startsWith("bd.") ? 3 : -1;
            Exact ref = at < 0 ? null : exact(s, at);
            if (ref != null && ref.end() + 1 < s.length() && s.charAt(ref.end()) == '@'
                    && s.charAt(ref.end() + 1) != '>' && !Character.isWhitespace(s.charAt(ref.end() + 1))) {
                return ref.ref();
            }
        }
        return match(MESSAGE_ID, messageId);
    }

    /**
     * The common case without a regular expression (every provider event asks): {@code e<digits>.r<digits>}
     * starting at {@code from}, each number of 1 to 18 digits as the patterns take them; null when the
     * text is anything else, which the pattern then reads.
     */
    private static Exact exact(String s, int from) {
        int n = s.length();
        if (from >= n || s.charAt(from) != 'e') {
            return null;
        }
        int i = from + 1;
        int start = i;
        while (i < n && i - start < 19 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i - start > 18 || i + 1 >= n || s.charAt(i) != '.' || s.charAt(i + 1) != 'r') {
            return null;
        }
        long email = Long.parseLong(s, start, i, 10);
        i += 2;
        start = i;
        while (i < n && i - start < 18 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return null;
        }
        return new Exact(email, Long.parseLong(s, start, i, 10), i);
    }

    public static Optional<Ref> fromVerp(String address) {
        return match(VERP, address);
    }

    private static Optional<Ref> match(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Ref(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }
}
