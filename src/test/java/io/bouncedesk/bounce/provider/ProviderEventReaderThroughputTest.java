package io.bouncedesk.bounce.provider;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how many SendGrid JSON lines per second the reader turns into events (target: 200,000).
 * No timing assertion: build machines vary. Every line is distinct (address, ids, timestamp), made
 * on the fly so a million lines need no memory; the time to make them is measured on its own and
 * printed too. -Dbouncedesk.throughput.lines=N changes the size.
 */
class ProviderEventReaderThroughputTest {

    private static final String[] KINDS = {"delivered", "open", "click", "bounce", "deferred", "dropped", "delivered"};

    @Test
    void sendGridJsonLines() throws Exception {
        int lines = Integer.getInteger("bouncedesk.throughput.lines", 100_000);
        ProviderEventReader reader = new ProviderEventReader(ProviderFormat.SENDGRID);
        run(reader, Math.min(lines, 30_000), "warm-up");
        long generate = drain(lines);
        ReadSummary summary = run(reader, lines, "measured");
        System.out.printf("  (making the %,d lines alone took %.2f s of that)%n", lines, generate / 1e9);

        assertThat(summary.events()).isEqualTo(lines);
        assertThat(summary.malformed()).isZero();
    }

    private static ReadSummary run(ProviderEventReader reader, int lines, String label) throws Exception {
        long[] bounces = {0};
        long start = System.nanoTime();
        ReadSummary summary = reader.read(new GeneratedLines(lines),
                e -> { if (e.isBounce()) { bounces[0]++; } }, m -> { throw new AssertionError(m.message()); });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ProviderEventReader %s: %,d SendGrid JSON lines (%,d MB) in %.2f s = %,.0f events/s (%,d bounces)%n",
                label, summary.events(), summary.bytesRead() >> 20, seconds, summary.events() / seconds, bounces[0]);
        return summary;
    }

    private static long drain(int lines) {
        long start = System.nanoTime();
        byte[] buf = new byte[64 * 1024];
        GeneratedLines in = new GeneratedLines(lines);
        while (in.read(buf, 0, buf.length) > 0) {
            // only the cost of making the input
        }
        return System.nanoTime() - start;
    }

    /** Realistic SendGrid lines: a mix of event types with custom args, every one distinct. */
    static byte[] line(int i) {
        String kind = KINDS[i % KINDS.length];
        StringBuilder sb = new StringBuilder(420);
        sb.append("{\"email\":\"Customer.").append(i).append("@Example-").append(i % 997).append(".com\",")
          .append("\"timestamp\":").append(1_700_000_000L + i).append(',')
          .append("\"smtp-id\":\"<14c5d75ce93.dfd.").append(i).append("@ismtpd-555>\",")
          .append("\"event\":\"").append(kind).append("\",\"category\":[\"newsletter\",\"spring\"],")
          .append("\"sg_event_id\":\"ev").append(i).append("-rbtnWrG1DVDGGGFHFyun0A\",")
          .append("\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.").append(i).append(".0\",");
        switch (kind) {
            case "delivered" -> sb.append("\"response\":\"250 2.0.0 OK 1513299569 q5si4455\",\"ip\":\"168.1.1.1\",\"tls\":1,");
            case "bounce" -> sb.append(i % 2 == 0
                    ? "\"reason\":\"550 5.1.1 The email account that you tried to reach does not exist\",\"status\":\"5.1.1\",\"type\":\"bounce\","
                    : "\"reason\":\"550 5.7.1 blocked using zen.spamhaus.org\",\"status\":\"5.7.1\",\"type\":\"blocked\",\"bounce_classification\":\"Reputation\",");
            case "deferred" -> sb.append("\"response\":\"421 4.7.0 Try again later, closing connection\",\"attempt\":\"3\",");
            case "dropped" -> sb.append("\"reason\":\"Bounced Address\",\"status\":\"5.0.0\",");
            default -> sb.append("\"useragent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\",\"ip\":\"203.0.113.9\",");
        }
        sb.append("\"bouncedesk_tracking\":\"e42.r").append(i).append("\",\"campaign\":\"spring-").append(i % 5).append("\"}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class GeneratedLines extends InputStream {
        private final int lines;
        private int next;
        private byte[] current = new byte[0];
        private int offset;

        GeneratedLines(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (offset == current.length) {
                    if (next == lines) {
                        break;
                    }
                    current = line(next++);
                    offset = 0;
                }
                int k = Math.min(len - n, current.length - offset);
                System.arraycopy(current, offset, b, off + n, k);
                n += k;
                offset += k;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
