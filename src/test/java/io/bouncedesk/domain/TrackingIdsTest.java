package io.bouncedesk.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-read common case of tracking tokens and Message-IDs answers exactly as the patterns do. */
class TrackingIdsTest {

    private static final Pattern TOKEN = Pattern.compile("e(\\d{1,18})\\.r(\\d{1,18})");
    private static final Pattern MESSAGE_ID = Pattern.compile("<?bd\\.e(\\d{1,18})\\.r(\\d{1,18})@[^>\\s]+>?");

    private static Optional<TrackingIds.Ref> byPattern(Pattern p, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = p.matcher(text.strip());
        return m.find() ? Optional.of(new TrackingIds.Ref(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    @Test
    void sameAnswersAsThePatterns() {
        Random rng = new Random(3);
        String[] parts = {"e", "r", ".", "@", "<", ">", "bd.", "1", "23", "0", "9999999999", "99999999999999999999",
                " ", "x", "mail.example.eu", "\t", "E"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rng.nextBoolean()) {
                sb.append(rng.nextBoolean() ? "<bd." : "bd.");
            }
            int n = rng.nextInt(9);
            for (int j = 0; j < n; j++) {
                sb.append(parts[rng.nextInt(parts.length)]);
            }
            String s = sb.toString();
            assertThat(TrackingIds.fromToken(s)).as(s).isEqualTo(byPattern(TOKEN, s));
            assertThat(TrackingIds.fromMessageId(s)).as(s).isEqualTo(byPattern(MESSAGE_ID, s));
        }
        for (String s : List.of(TrackingIds.messageId(12, 345, "Mail.Example.EU"), " e1.r2 ", "e1.r2x",
                "e123456789012345678.r1", "e1234567890123456789.r1", "e1.r1234567890123456789", "<bd.e1.r2@>",
                "<bd.e1.r2@x>", "bd.e1.r2@ x", "xe1.r2", "e.r1 e5.r6")) {
            assertThat(TrackingIds.fromToken(s)).as(s).isEqualTo(byPattern(TOKEN, s));
            assertThat(TrackingIds.fromMessageId(s)).as(s).isEqualTo(byPattern(MESSAGE_ID, s));
        }
        assertThat(TrackingIds.fromMessageId(TrackingIds.messageId(12, 345, "mail.example.eu")))
                .contains(new TrackingIds.Ref(12, 345));
        assertThat(TrackingIds.fromToken(null)).isEmpty();
    }
}
