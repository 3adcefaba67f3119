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
        return match(TOKEN, headerValue);
    }

    public static Optional<Ref> fromMessageId(String messageId) {
        return match(MESSAGE_ID, messageId);
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
