package io.bouncedesk.ui.common;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagedListTest {

    /** Work queued by hand, so a test decides when a "background" load finishes. */
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final BackgroundTasks tasks = new BackgroundTasks(worker::add, Runnable::run);
    private final List<Long> requestedOffsets = new ArrayList<>();

    private PagedList<String> list(int size) {
        return new PagedList<>(size, 10, 3, (offset, limit) -> {
            requestedOffsets.add(offset);
            return LongStream.range(offset, Math.min(size, offset + limit)).mapToObj(i -> "row " + i).toList();
        }, i -> "placeholder " + i, tasks);
    }

    private void runAll() {
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
    }

    @Test
    void rowsNotLoadedReadAsPlaceholdersUntilTheirPageArrives() {
        PagedList<String> list = list(1_000_000);
        assertThat(list.size()).isEqualTo(1_000_000);
        assertThat(list.get(500_005)).isEqualTo("placeholder 500005");
        runAll();
        assertThat(list.get(500_005)).isEqualTo("row 500005");
        assertThat(requestedOffsets).containsExactly(500_000L);
    }

    @Test
    void aLoadedPageIsReportedAsReplacedRows() {
        PagedList<String> list = list(100);
        List<Integer> replaced = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        replaced.add(i);
                    }
                }
            }
        });
        list.get(42);
        runAll();
        assertThat(replaced).containsExactly(40, 41, 42, 43, 44, 45, 46, 47, 48, 49);
    }

    @Test
    void holdsOnlyTheMostRecentlyUsedPages() {
        PagedList<String> list = list(1_000);
        for (int i = 0; i < 1_000; i += 10) {
            list.get(i);
            runAll();
        }
        assertThat(list.loadedPageCount()).isEqualTo(3);
        assertThat(list.isLoaded(990)).isTrue();
        assertThat(list.isLoaded(0)).isFalse();
    }

    @Test
    void scrollingFastLoadsTheNewestPagesFirstAndSkipsTheOnesFlownOver() {
        PagedList<String> list = list(10_000);
        for (int i = 0; i < 10_000; i += 10) {
            list.get(i); // one load in flight, the rest queued: only the newest few are kept
        }
        runAll();
        assertThat(requestedOffsets).hasSizeLessThanOrEqualTo(4).contains(0L, 9_990L);
    }

    @Test
    void aDisposedListIgnoresLateResults() {
        PagedList<String> list = list(100);
        list.get(0);
        list.dispose();
        runAll();
        assertThat(list.isLoaded(0)).isFalse();
        assertThat(list.get(0)).isEqualTo("placeholder 0");
    }
}
