package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageSourceTest {

    private final BounceMessageParser parser = new BounceMessageParser();

    @Test
    void mboxYieldsEachMessageAndABrokenOneDoesNotStopTheOthers() throws IOException {
        List<MessageSource.Outcome> out = MessageSource.of(TestMessages.path("several.mbox")).parseAll(parser);

        assertThat(out).extracting(MessageSource.Outcome::index).containsExactly(0, 1, 2);
        assertThat(out).extracting(MessageSource.Outcome::source).containsOnly("several.mbox");
        assertThat(out.get(0).failed()).isFalse();
        assertThat(out.get(0).bounces()).singleElement()
                .satisfies(b -> assertThat(b.recipient()).isEqualTo("leo@example.org"))
                .satisfies(b -> assertThat(b.reason()).isEqualTo(BounceReason.USERUNKNOWN));
        assertThat(out.get(1).failed()).isTrue();
        assertThat(out.get(1).error()).contains("no header block").contains("this message lost its header block");
        assertThat(out.get(2).bounces()).singleElement()
                .satisfies(b -> assertThat(b.recipient()).isEqualTo("mia@example.net"))
                .satisfies(b -> assertThat(b.reason()).isEqualTo(BounceReason.HOSTUNKNOWN));
    }

    @Test
    void mboxSplitUnderstandsEveryLineEnding() {
        byte[] lf = TestMessages.bytes("several.mbox");
        for (String eol : new String[]{"\n", "\r\n", "\r"}) {
            List<byte[]> parts = MessageSource.split(TestMessages.withLineEndings(lf, eol));
            assertThat(parts).as(eol.replace("\r", "CR").replace("\n", "LF")).hasSize(3);
            for (byte[] p : parts) {
                assertThat(new String(p, StandardCharsets.ISO_8859_1)).doesNotStartWith("From ");
            }
        }
    }

    @Test
    void fromInsideAMessageBodyDoesNotSplitIt() {
        String mbox = "From a@example.com Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody line\nFrom here on it is text\n"
                + "\nFrom b@example.com Mon Jan  1 00:00:01 2024\nSubject: two\n\nsecond\n";
        List<byte[]> parts = MessageSource.split(mbox.getBytes(StandardCharsets.US_ASCII));

        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(0), StandardCharsets.US_ASCII)).contains("From here on it is text");
    }

    @Test
    void aFileThatIsNoMboxIsOneMessage() {
        byte[] eml = TestMessages.bytes("qmail-plain.eml");

        assertThat(MessageSource.split(eml)).singleElement().isEqualTo(eml);
    }

    @Test
    void directoryGivesAllFilesSortedByName(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("b.eml"), TestMessages.bytes("qmail-plain.eml"));
        Files.write(dir.resolve("a.eml"), TestMessages.bytes("postfix-two-recipients.eml"));
        Files.write(dir.resolve("c.mbox"), TestMessages.bytes("several.mbox"));
        Files.createDirectory(dir.resolve("sub"));

        List<MessageSource.Entry> entries = MessageSource.of(dir).stream().toList();

        assertThat(entries).extracting(e -> e.source() + "#" + e.index())
                .containsExactly("a.eml#0", "b.eml#0", "c.mbox#0", "c.mbox#1", "c.mbox#2");
        assertThat(parser.parse(entries.get(0).raw())).hasSize(2);
    }

    @Test
    void aMissingPathIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> MessageSource.of(dir.resolve("nope.eml")))
                .isInstanceOf(IOException.class).hasMessageContaining("nope.eml");
    }
}
