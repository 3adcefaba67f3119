package io.bouncedesk.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundTasksTest {

    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final Queue<Runnable> ui = new ArrayDeque<>();
    private final BackgroundTasks tasks = new BackgroundTasks(worker::add, ui::add);

    @Test
    void resultsArriveThroughTheUiExecutorAndTheRunningCountFollows() {
        List<Object> got = new ArrayList<>();
        tasks.run(() -> 42, got::add, got::add);
        assertThat(tasks.runningProperty().get()).isEqualTo(1);
        worker.poll().run();
        assertThat(got).isEmpty();
        ui.poll().run();
        assertThat(got).containsExactly(42);
        assertThat(tasks.runningProperty().get()).isZero();
    }

    @Test
    void failuresGoToTheFailureCallback() {
        List<Throwable> failures = new ArrayList<>();
        tasks.run(() -> {
            throw new IllegalStateException("boom");
        }, r -> { }, failures::add);
        worker.poll().run();
        ui.poll().run();
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void aCancelledJobDropsItsResultAndStopsLongWork() {
        List<Object> got = new ArrayList<>();
        BackgroundTasks.Job job = tasks.runWithProgress("Exporting", p -> {
            p.checkCancelled();
            return "done";
        }, got::add, got::add);
        assertThat(tasks.messageProperty().get()).isEqualTo("Exporting");
        job.cancel();
        worker.poll().run();
        ui.poll().run();
        assertThat(got).isEmpty();
        assertThat(tasks.messageProperty().get()).isEmpty();
    }
}
