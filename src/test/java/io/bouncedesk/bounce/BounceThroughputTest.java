package io.bouncedesk.bounce;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how many messages per second one thread classifies (target: 25,000 over the shared
 * corpus). No timing assertion: build machines vary. Uses the shared corpus when present, else
 * this project's own test messages. Also runnable as a program: {@code main [directory] [seconds]}.
 */
class BounceThroughputTest {

    @Test
    void printsMessagesPerSecond() throws Exception {
        measure(messages(null), 2, 2);
    }

    public static void main(String[] args) throws Exception {
        measure(messages(args.length > 0 ? Path.of(args[0]) : null), 3, args.length > 1 ? Integer.parseInt(args[1]) : 10);
    }

    static List<byte[]> messages(Path dir) throws Exception {
        Path corpus = dir != null ? dir
                : Path.of(System.getProperty("user.dir")).resolve("../shared/samples/bounces/emails").normalize();
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(corpus)) {
            for (MessageSource.Entry e : MessageSource.of(corpus)) {
                out.add(e.raw());
            }
        } else {
            System.err.println("Throughput: corpus not found at " + corpus + ", using the project's test messages");
            for (MessageSource.Entry e : MessageSource.of(TestMessages.path("postfix-two-recipients.eml").getParent())) {
                out.add(e.raw());
            }
        }
        return out;
    }

    /** Parses the messages again and again; returns messages per second of the measured part. */
    static double measure(List<byte[]> messages, int warmUpSeconds, int seconds) {
        BounceMessageParser parser = new BounceMessageParser();
        run(parser, messages, warmUpSeconds);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        long start = System.nanoTime();
        long count = run(parser, messages, seconds);
        double wall = (System.nanoTime() - start) / 1e9;
        double perSecond = count / wall;
        String cpuNote = cpu < 0 ? "" : String.format(" (%,.0f per CPU-second of this thread)",
                count / ((mx.getCurrentThreadCpuTime() - cpu) / 1e9));
        System.out.printf("BounceMessageParser: %,d messages (%d distinct) in %.1f s = %,.0f messages/s%s%n",
                count, messages.size(), wall, perSecond, cpuNote);
        return perSecond;
    }

    private static long run(BounceMessageParser parser, List<byte[]> messages, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        while (System.nanoTime() < end) {
            for (byte[] m : messages) {
                try {
                    parser.parse(m);
                } catch (MalformedBounceException ignored) {
                    // broken messages cost time too
                }
                count++;
            }
        }
        return count;
    }
}
