package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.BounceMailboxService;
import io.bouncedesk.service.MailboxSettings;
import io.bouncedesk.service.Progress;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks the IMAP bounce mailbox every N minutes (its own setting) while the console is signed in.
 * The checks run on the scheduler's thread; their outcome, or the error, goes to the status bar
 * through the UI executor and never escapes: a mailbox that cannot be reached must not stop the console.
 */
public final class MailboxPoller {

    /** Where checks run: a scheduled executor in the app, a hand-driven fake in tests. */
    public interface Scheduler {
        /** Runs {@code task} now, on the scheduler's thread. */
        void now(Runnable task);

        /** Runs {@code task} every {@code minutes} minutes from now on; the returned action cancels it. */
        Runnable every(Runnable task, long minutes);

        /** Lets go of the scheduler's thread, if it has one of its own; called when the poller stops for good. */
        default void shutdown() {
        }

        /** A scheduler on a daemon thread of its own, named {@code threadName}, ended by {@link #shutdown()}. */
        static Scheduler onOwnThread(String threadName) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            return new Scheduler() {
                @Override
                public void now(Runnable task) {
                    executor.execute(task);
                }

                @Override
                public Runnable every(Runnable task, long minutes) {
                    ScheduledFuture<?> f = executor.scheduleWithFixedDelay(task, minutes, minutes, TimeUnit.MINUTES);
                    return () -> f.cancel(false);
                }

                @Override
                public void shutdown() {
                    executor.shutdownNow();
                }
            };
        }
    }

    private final BounceMailboxService mailbox;
    private final User user;
    private final Scheduler scheduler;
    private final Executor ui;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private volatile Runnable cancel;
    private volatile boolean stopped;

    public MailboxPoller(BounceMailboxService mailbox, User user, Scheduler scheduler, Executor ui, Messages messages,
                         Clock clock, ZoneId zone) {
        this.mailbox = mailbox;
        this.user = user;
        this.scheduler = scheduler;
        this.ui = ui;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** (Re)reads the mailbox settings and schedules the checks; call after sign-in and after a save. */
    public void restart() {
        if (stopped) {
            return;
        }
        scheduler.now(() -> {
            cancelSchedule();
            if (stopped || !user.may(Permission.IMPORT)) {
                return;
            }
            try {
                Optional<MailboxSettings> s = mailbox.settings();
                if (s.isPresent() && s.get().checkEveryMinutes() > 0) {
                    int every = s.get().checkEveryMinutes();
                    cancel = scheduler.every(this::checkOnce, every);
                    post(messages.format("mailbox.scheduled", every));
                } else {
                    post("");
                }
            } catch (RuntimeException e) {
                post(messages.format("mailbox.failed", String.valueOf(e.getMessage())));
            }
        });
    }

    /** One background check; every failure becomes a status message. */
    void checkOnce() {
        if (stopped) {
            return;
        }
        try {
            BounceMailboxService.CheckResult r = mailbox.check(user, Progress.NONE);
            String at = DateTimeFormatter.ofPattern("HH:mm").format(clock.instant().atZone(zone));
            post(messages.format("mailbox.checkedAt", at, r.recorded()));
        } catch (Throwable t) {
            post(messages.format("mailbox.failed", String.valueOf(t.getMessage())));
        }
    }

    /** Stops the checks for good (sign-out, close). */
    public void stop() {
        stopped = true;
        cancelSchedule();
        scheduler.shutdown();
    }

    public boolean isScheduled() {
        return cancel != null;
    }

    private void cancelSchedule() {
        Runnable c = cancel;
        cancel = null;
        if (c != null) {
            c.run();
        }
    }

    private void post(String text) {
        ui.execute(() -> status.set(text));
    }

    /** The last outcome, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
