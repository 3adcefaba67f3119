package io.bouncedesk.cli;

import io.bouncedesk.service.Progress;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Progress on standard error (a percentage line, at most once a second) and cancellation by
 * Ctrl+C: the interrupt sets the cancelled flag and waits for the work to roll back or remove
 * what it started before the JVM exits.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

    private final String label;
    private final PrintWriter err;
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    private long lastPrint;

    ConsoleProgress(String label, PrintWriter err) {
        this.label = label;
        this.err = err;
        this.hook = new Thread(() -> {
            cancelled = true;
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void update(long done, long total) {
        long now = System.currentTimeMillis();
        if (now - lastPrint < 1000 && done != total) {
            return;
        }
        lastPrint = now;
        if (total > 0) {
            err.printf("%s: %d of %d (%d%%)%n", label, done, total, done * 100 / total);
            err.flush();
        } else {
            err.printf("%s: %d%n", label, done);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of Ctrl+C; the hook is already running
        }
    }
}
