package io.bouncedesk.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoContactMakerTest {

    private static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void batchesMadeOnTheirOwnThreadAreThoseMadeOneAfterTheOther() {
        DemoContactMaker sequential = new DemoContactMaker(new Random(11), new HashSet<>());
        List<DemoContactMaker.Batch> expected = new ArrayList<>();
        for (int done = 0; done < 2_500; done += 1_000) {
            expected.add(sequential.make(Math.min(1_000, 2_500 - done), false, FROM, 100 + done));
        }
        List<DemoContactMaker.Batch> made = new ArrayList<>();
        try (DemoContactMaker.Run run = new DemoContactMaker(new Random(11), new HashSet<>())
                .start(2_500, 1_000, false, FROM, 100)) {
            for (int i = 0; i < 3; i++) {
                made.add(run.next(Progress.NONE));
            }
        }
        assertThat(made).isEqualTo(expected);
        assertThat(made.get(2).contacts()).hasSize(500);
        assertThat(made.get(2).addresses().get(499).getKey()).isEqualTo(2_599L);
        long distinct = made.stream().flatMap(b -> b.addresses().stream()).map(e -> e.getValue().key()).distinct().count();
        assertThat(distinct).as("every address key once").isEqualTo(2_500);
    }

    @Test
    void aCancelWhileWaitingStopsTheMakingThread() {
        DemoContactMaker.Run run = new DemoContactMaker(new Random(1), new HashSet<>()).start(1_000_000, 10, false, FROM, 1);
        Progress cancelled = Cancelling.AT_ONCE;
        assertThatThrownBy(() -> run.next(cancelled)).isInstanceOf(CancelledException.class);
        run.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("demo-contacts");
    }
}
