package io.bouncedesk.app.bench;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.recipients.RecipientsViewModel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Recipients view model as the console uses it, run on the calling thread (the same-thread
 * executor its tests use), so each figure is the work between a user's action and the rows
 * being there to show.
 */
final class ViewModelBench {

    private static final String[] PREFIXES = {"anna", "jan.", "lucas", "freja", "oliver", "piotr", "emma", "tomas"};

    private final Services services;
    private final long emailId;
    private final PrintWriter log;

    ViewModelBench(Services services, long emailId, PrintWriter log) {
        this.services = services;
        this.emailId = emailId;
        this.log = log;
    }

    private RecipientsViewModel newViewModel() {
        return new RecipientsViewModel(emailId, services.recipients, BackgroundTasks.sameThread(),
                Messages.of(Locale.ENGLISH), item -> { });
    }

    List<Figure> measure() throws Exception {
        List<Figure> figures = new ArrayList<>();
        double worst = 0;
        RecipientTab worstTab = null;
        for (RecipientTab tab : RecipientTab.values()) {
            if (tab == RecipientTab.ALL) {
                continue;
            }
            RecipientTab other = tab == RecipientTab.SENT ? RecipientTab.DELIVERED : RecipientTab.SENT;
            double ms = Timing.medianMillis(1, 5, () -> {
                RecipientsViewModel vm = newViewModel();
                vm.selectTab(other);
                long start = System.nanoTime();
                vm.selectTab(tab);
                var items = vm.itemsProperty().get();
                if (!items.isEmpty()) {
                    items.get(0);
                }
                return (System.nanoTime() - start) / 1e6;
            });
            log.printf("  first page of %-13s %6.1f ms%n", tab.cliName(), ms);
            if (ms > worst) {
                worst = ms;
                worstTab = tab;
            }
        }
        figures.add(new Figure("vm_first_page_ms", "Recipients view model: first page of each tab (slowest: "
                + worstTab.cliName() + ")", worst, "ms", 50, false, null));

        RecipientsViewModel vm = newViewModel();
        vm.load();
        double counts = Timing.medianMillis(1, 5, () -> {
            vm.refreshCounts();
            return vm.countsProperty().get();
        });
        figures.add(new Figure("vm_counts_ms", "all tab counts", counts, "ms", 100, false, null));

        int size = vm.itemsProperty().get().size();
        int[] run = {0};
        double jump = Timing.medianMillis(1, 5, () -> {
            int row = (500_000 + 7_919 * run[0]++) % Math.max(1, size);
            var items = vm.itemsProperty().get();
            items.get(row);
            return items.get(row);
        });
        figures.add(new Figure("vm_jump_ms", "jump to the page at row 500,000", jump, "ms", 50, false,
                size < 500_000 ? "only " + size + " rows" : null));

        int[] p = {0};
        double search = Timing.medianMillis(1, 5, () -> {
            vm.search(PREFIXES[p[0]++ % PREFIXES.length]);
            var items = vm.itemsProperty().get();
            return items.isEmpty() ? null : items.get(0);
        });
        vm.search("");
        figures.add(new Figure("vm_search_ms", "search by address prefix", search, "ms", 50, false, null));

        figures.add(heap());
        return figures;
    }

    /** Heap in use (after collection) with a million-recipient view model open and scrolled. */
    private Figure heap() {
        RecipientsViewModel vm = newViewModel();
        vm.load();
        var items = vm.itemsProperty().get();
        for (int row = 0; row < items.size(); row += Math.max(1, items.size() / 50)) {
            items.get(row);
        }
        long used = usedAfterGc();
        log.printf("  heap in use with the view model open: %.1f MB (%d rows)%n", used / 1e6, items.size());
        Figure f = new Figure("vm_heap_mb", "heap in use with the Recipients view model open", used / 1e6, "MB", 150,
                false, null);
        if (vm.itemsProperty().get().size() < 0) {
            throw new IllegalStateException("keeps the view model reachable until measured");
        }
        return f;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
