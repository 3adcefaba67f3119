package io.bouncedesk.ui.settings;

import io.bouncedesk.service.MailboxSettings;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The background checks, driven by a fake scheduler: scheduled per the setting, errors shown, stopped on sign-out. */
class MailboxPollerTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;

    /** Runs "now" tasks at once and keeps the periodic ones for the test to fire. */
    static final class FakeScheduler implements MailboxPoller.Scheduler {
        final List<Runnable> periodic = new ArrayList<>();
        final List<Long> periods = new ArrayList<>();
        int cancelled;
        boolean shutDown;

        @Override
        public void shutdown() {
            shutDown = true;
        }

        @Override
        public void now(Runnable task) {
            task.run();
        }

        @Override
        public Runnable every(Runnable task, long minutes) {
            periodic.add(task);
            periods.add(minutes);
            return () -> cancelled++;
        }
    }

    @BeforeAll
    static void build() {
        ws = new SmallWorkspace(dir, 100, 1);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private MailboxPoller poller(String user, FakeScheduler s) {
        return new MailboxPoller(ws.services.mailbox, ws.user(user), s, Runnable::run, Messages.of(Locale.ENGLISH),
                Clock.fixed(SmallWorkspace.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void checksEveryNMinutesShowsErrorsAndStops() {
        FakeScheduler s = new FakeScheduler();
        MailboxPoller p = poller("admin", s);
        p.restart();
        assertThat(s.periodic).as("no mailbox set up: nothing scheduled").isEmpty();

        // A mailbox nobody listens on: the check fails, the status says so, nothing is thrown.
        ws.services.mailbox.save(ws.user("admin"), new MailboxSettings("127.0.0.1", 1, false, "bounces", "x", "INBOX", 7));
        p.restart();
        assertThat(s.periods).containsExactly(7L);
        assertThat(p.statusProperty().get()).isEqualTo("Bounce mailbox: checked every 7 min");
        s.periodic.get(0).run();
        assertThat(p.statusProperty().get()).startsWith("Bounce mailbox: Cannot check the bounce mailbox");

        // A new interval replaces the old schedule.
        ws.services.mailbox.save(ws.user("admin"), new MailboxSettings("127.0.0.1", 1, false, "bounces", "x", "INBOX", 3));
        p.restart();
        assertThat(s.periods).containsExactly(7L, 3L);
        assertThat(s.cancelled).isEqualTo(1);

        assertThat(s.shutDown).isFalse();
        p.stop();
        assertThat(s.cancelled).isEqualTo(2);
        assertThat(p.isScheduled()).isFalse();
        assertThat(s.shutDown).as("stopping for good lets go of the scheduler's thread").isTrue();
        p.restart();
        assertThat(s.periods).hasSize(2);
    }

    @Test
    void aViewerWhoMayNotImportIsNeverPolled() {
        FakeScheduler s = new FakeScheduler();
        poller("support", s).restart();
        assertThat(s.periodic).isEmpty();
    }

    @Test
    void aSchedulerOnItsOwnThreadRunsTasksThereAndEndsWithShutdown() throws Exception {
        MailboxPoller.Scheduler s = MailboxPoller.Scheduler.onOwnThread("mailbox-test");
        java.util.concurrent.CompletableFuture<Thread> ran = new java.util.concurrent.CompletableFuture<>();
        s.now(() -> ran.complete(Thread.currentThread()));
        Thread thread = ran.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("mailbox-test");
        assertThat(thread.isDaemon()).isTrue();
        s.shutdown();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }
}
