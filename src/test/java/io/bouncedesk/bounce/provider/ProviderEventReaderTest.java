package io.bouncedesk.bounce.provider;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderEventReaderTest {

    private static String sg(int i) {
        return "{\"email\":\"user" + i + "@example.com\",\"timestamp\":" + (1_700_000_000 + i)
                + ",\"event\":\"delivered\",\"sg_event_id\":\"id" + i + "\",\"response\":\"250 OK\"}";
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void detectsArrayAndLinesAndPrettyPrintedArrays() {
        String lines = sg(1) + "\n" + sg(2) + "\r\n\n" + sg(3) + "\n";
        String array = "[" + sg(1) + "," + sg(2) + "," + sg(3) + "]";
        String pretty = "[\n  " + sg(1) + ",\n  " + sg(2) + ",\n  " + sg(3) + "\n]\n";

        Reads.Result fromLines = Reads.read(ProviderFormat.SENDGRID, lines);
        assertThat(fromLines.ids()).containsExactly("id1", "id2", "id3");
        assertThat(Reads.read(ProviderFormat.SENDGRID, array).events()).isEqualTo(fromLines.events());
        assertThat(Reads.read(ProviderFormat.SENDGRID, pretty).events()).isEqualTo(fromLines.events());
    }

    @Test
    void brokenLinesInTheMiddleAreReportedAndTheRestIsRead() {
        String input = sg(1) + "\n"
                + "{\"email\":\"x@example.com\",\"event\":\"delivered\",\n"
                + "this is not json\n"
                + sg(4) + " trailing\n"
                + "[" + sg(5) + ", 42]\n"
                + "\"a string\"\n"
                + sg(7) + "\n";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("id1", "id5", "id7");
        assertThat(r.messages()).hasSize(5);
        assertThat(r.messages().get(0)).startsWith("line 2: not valid JSON: Unexpected end-of-input");
        assertThat(r.messages().get(1)).startsWith("line 3: not valid JSON: Unrecognized token 'this'");
        assertThat(r.messages().get(2)).startsWith("line 4: not valid JSON: ").contains("column");
        assertThat(r.messages().get(3)).isEqualTo("event 2 (line 5): not a JSON object but a number");
        assertThat(r.messages().get(4)).isEqualTo("line 6: not a JSON object but a string");
        assertThat(r.summary().truncated()).isFalse();
    }

    @Test
    void aBrokenFirstLineDoesNotTurnJsonLinesIntoOneDocument() {
        String input = "{\"email\":\"x@example.com\",\"event\":\"deliv\n" + sg(2) + "\n" + sg(3) + "\n";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("id2", "id3");
        assertThat(r.messages()).singleElement().asString().startsWith("line 1: not valid JSON: ");
    }

    @Test
    void aPrettyPrintedObjectIsOneDocument() {
        String input = "\n{\n  \"email\": \"a@example.com\",\n  \"timestamp\": 1,\n  \"event\": \"open\",\n"
                + "  \"sg_event_id\": \"p1\"\n}\n{\n  \"event\": \"open\"\n}\n";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("p1");
        assertThat(r.messages()).containsExactly("event 2 (line 8): 'email' is missing");
    }

    @Test
    void arrayElementsAreReportedByIndexAndLine() {
        String input = "[\n" + sg(1) + ",\n{\"timestamp\":1,\"event\":\"open\",\"sg_event_id\":\"x\"},\n\"text\",\n" + sg(4) + "\n]";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("id1", "id4");
        assertThat(r.messages()).containsExactly(
                "event 2 (line 3): 'email' is missing",
                "event 3 (line 4): not a JSON object but a string");
    }

    @Test
    void aSyntaxErrorInsideAnArrayEndsTheReadAfterReportingIt() {
        String input = "[\n" + sg(1) + ",\n" + sg(2) + ",\n{\"email\": oops},\n" + sg(4) + "\n]";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("id1", "id2");
        assertThat(r.messages()).singleElement().asString()
                .startsWith("event 3 (line 4): not valid JSON: Unrecognized token 'oops'")
                .endsWith("the rest of the input could not be read");
        assertThat(r.summary().truncated()).isTrue();
    }

    @Test
    void severalArraysOneAfterTheOther() {
        String input = "[" + sg(1) + "," + sg(2) + "]\n[" + sg(3) + "]\n";
        assertThat(Reads.read(ProviderFormat.SENDGRID, input).ids()).containsExactly("id1", "id2", "id3");
    }

    @Test
    void byteOrderMarkAndEmptyInput() {
        assertThat(Reads.read(ProviderFormat.SENDGRID, "\uFEFF" + sg(1) + "\n").ids()).containsExactly("id1");
        Reads.Result empty = Reads.read(ProviderFormat.SENDGRID, " \n\n ");
        assertThat(empty.events()).isEmpty();
        assertThat(empty.malformed()).isEmpty();
    }

    @Test
    void inputThatIsNotJsonIsUnreadable() {
        ProviderEventReader reader = new ProviderEventReader(ProviderFormat.SENDGRID);

        assertThatThrownBy(() -> reader.read(bytes("email,reason\na@b.com,bounce\n"), e -> { }, m -> { }))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("The input is not JSON: it starts with 'e'; expected a JSON array of SendGrid events"
                        + " or one JSON object per line");
    }

    @Test
    void anObjectThatIsNoKnownEnvelopeIsUnreadable() {
        ProviderEventReader reader = new ProviderEventReader(ProviderFormat.SENDGRID);

        assertThatThrownBy(() -> reader.read(bytes("{\n  \"results\": [],\n  \"count\": 0\n}\n"), e -> { }, m -> { }))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("event 1 (line 1): this is not SendGrid event data (a JSON object with keys [results, count]).");
    }

    @Test
    void theWrongProviderIsNamed() {
        ProviderEventReader reader = new ProviderEventReader(ProviderFormat.SENDGRID);
        InputStream ses = getClass().getResourceAsStream("/provider/ses/bounce-with-dsn-sns.json");

        assertThatThrownBy(() -> reader.read(ses, e -> { }, m -> { }))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("this is not SendGrid event data")
                .hasMessageEndingWith("It looks like Amazon SES data: was the right provider chosen?");
    }

    @Test
    void cancellationStopsTheReadEarly() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append(sg(i)).append('\n');
        }
        AtomicInteger checks = new AtomicInteger();
        List<ProviderEvent> events = new ArrayList<>();
        ReadSummary summary = new ProviderEventReader(ProviderFormat.SENDGRID).read(bytes(sb.toString()),
                events::add, m -> { }, () -> checks.incrementAndGet() > 2, ReadProgress.NONE);

        assertThat(summary.cancelled()).isTrue();
        assertThat(events).hasSizeLessThan(10_000).hasSizeGreaterThanOrEqualTo(1024);
        assertThat(summary.events()).isEqualTo(events.size());
    }

    @Test
    void anInterruptedThreadStopsReading() throws Exception {
        Thread.currentThread().interrupt();
        try {
            ReadSummary summary = new ProviderEventReader(ProviderFormat.SENDGRID)
                    .read(bytes(sg(1) + "\n"), e -> { }, m -> { }, () -> false, ReadProgress.NONE);
            assertThat(summary.cancelled()).isTrue();
            assertThat(summary.events()).isZero();
        } finally {
            assertThat(Thread.interrupted()).isTrue(); // the flag is left for the caller, and cleared here
        }
    }

    @Test
    void progressReportsBytesAndEvents() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            sb.append(sg(i)).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        List<long[]> updates = new ArrayList<>();
        ReadSummary summary = new ProviderEventReader(ProviderFormat.SENDGRID).read(new ByteArrayInputStream(data),
                e -> { }, m -> { }, () -> false, (bytes, events) -> updates.add(new long[] {bytes, events}));

        assertThat(updates).hasSizeGreaterThanOrEqualTo(3);
        assertThat(updates.get(0)[1]).isEqualTo(16 * 1024);
        assertThat(updates.get(updates.size() - 1)).containsExactly(data.length, 40_000);
        assertThat(summary.bytesRead()).isEqualTo(data.length);
    }

    @Test
    void theSameInputReadTwiceGivesTheSameEventIds() {
        for (String[] c : new String[][] {
                {"SENDGRID", "sendgrid/events.jsonl"}, {"SES", "ses/notifications.jsonl"},
                {"POSTMARK", "postmark/bounces.jsonl"}, {"MAILGUN", "mailgun/webhooks.jsonl"}}) {
            ProviderFormat format = ProviderFormat.valueOf(c[0]);
            List<String> first = Reads.resource(format, c[1]).ids();
            assertThat(first).doesNotHaveDuplicates();
            assertThat(Reads.resource(format, c[1]).ids()).as(c[1]).isEqualTo(first);
        }
    }

    @Test
    void longLinesGrowTheBuffer() {
        String big = "x".repeat(200_000);
        String line = "{\"email\":\"a@example.com\",\"timestamp\":1,\"event\":\"delivered\",\"sg_event_id\":\"big\",\"note\":\"" + big + "\"}";
        ProviderEvent e = Reads.read(ProviderFormat.SENDGRID, sg(1) + "\n" + line + "\n" + sg(3)).events().get(1);

        assertThat(e.eventId()).isEqualTo("big");
        assertThat(e.metadata().get("note")).hasSize(200_000);
    }

    @Test
    void providerNames() {
        assertThat(ProviderFormat.fromName("sendgrid")).isEqualTo(ProviderFormat.SENDGRID);
        assertThat(ProviderFormat.fromName(" SES ")).isEqualTo(ProviderFormat.SES);
        assertThat(ProviderFormat.fromName("Postmark")).isEqualTo(ProviderFormat.POSTMARK);
        assertThat(ProviderFormat.fromName("mailgun")).isEqualTo(ProviderFormat.MAILGUN);
        assertThatThrownBy(() -> ProviderFormat.fromName("sparkpost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sparkpost");
    }
}
