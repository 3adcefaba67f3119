package io.bouncedesk.ui.common;

import io.bouncedesk.service.CancelledException;
import io.bouncedesk.service.Progress;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs database and file work off the FX thread. Work runs on the injected worker executor; its
 * result or failure is handed back through the injected UI executor ({@code Platform::runLater} in
 * the app, the calling thread in view-model tests), so callbacks may touch UI-bound properties.
 * The counts and the message it exposes feed the status bar; they too are only changed on the UI
 * executor. Must be called from the UI thread.
 */
public final class BackgroundTasks {

    /** A submitted piece of work; {@link #cancel()} drops its result and asks long work to stop. */
    public static final class Job {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile boolean finished;

        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    private final Executor worker;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);

    public BackgroundTasks(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /** Everything on the calling thread: for view-model tests. */
    public static BackgroundTasks sameThread() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    /** Short work (a query): its result or failure arrives on the UI thread unless cancelled first. */
    public <T> Job run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return runWithProgress(null, p -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, onSuccess, onFailure);
    }

    /**
     * Long work that reports progress to the status bar under {@code description} and stops at its
     * next {@link Progress#checkCancelled()} once the job is cancelled.
     */
    public <T> Job runWithProgress(String description, Function<Progress, T> work, Consumer<? super T> onSuccess,
                                   Consumer<? super Throwable> onFailure) {
        Job job = new Job();
        running.set(running.get() + 1);
        if (description != null) {
            message.set(description);
            progress.set(-1);
        }
        Progress reporter = progressOf(job, description != null);
        worker.execute(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.apply(reporter);
            } catch (Throwable t) {
                failure = t;
            }
            T r = result;
            Throwable f = failure;
            ui.execute(() -> finish(job, description != null, r, f, onSuccess, onFailure));
        });
        return job;
    }

    private <T> void finish(Job job, boolean described, T result, Throwable failure,
                            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        job.finished = true;
        running.set(running.get() - 1);
        if (described) {
            message.set("");
            progress.set(-1);
        }
        if (job.isCancelled() && (failure == null || failure instanceof CancelledException)) {
            return;
        }
        if (failure != null) {
            onFailure.accept(failure);
        } else {
            onSuccess.accept(result);
        }
    }

    private Progress progressOf(Job job, boolean report) {
        AtomicLong lastPost = new AtomicLong();
        return new Progress() {
            @Override
            public void update(long done, long total) {
                long now = System.nanoTime();
                // At most ~20 updates a second reach the UI thread, however fast the work reports.
                if (report && total > 0 && (now - lastPost.get() > 50_000_000L || done >= total)) {
                    lastPost.set(now);
                    double fraction = Math.min(1.0, (double) done / total);
                    ui.execute(() -> {
                        if (!job.finished) {
                            progress.set(fraction);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return job.isCancelled();
            }
        };
    }

    /** How many jobs are under way; the status bar shows a busy mark while above zero. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The description of the latest long job under way, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The fraction done of the latest long job, or -1 when unknown or none. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
