package io.bouncedesk.ui.common;

import javafx.collections.ObservableListBase;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A read-only list of a known size whose rows are fetched a page at a time, only when someone (the
 * table's VirtualFlow) asks for them. A row not loaded yet reads as a placeholder; its page is loaded
 * in the background and the list then reports the rows as replaced, so the table redraws them.
 * Only the most recently used pages are kept, so a list of a million rows holds a few thousand at most.
 * Loads run one at a time, newest request first: dragging the scroll bar across the list does not
 * queue up the pages it flew over.
 */
public final class PagedList<T> extends ObservableListBase<T> {

    /** Reads {@code limit} rows from {@code offset}, on a worker thread. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> page(long offset, int limit);
    }

    private final int size;
    private final int pageSize;
    private final int maxPages;
    private final PageSource<T> source;
    private final IntFunction<T> placeholder;
    private final BackgroundTasks tasks;
    private final java.util.function.Consumer<Throwable> onFailure;
    private final Map<Integer, List<T>> pages;
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private int loading = -1;
    private boolean inGet;
    private boolean disposed;
    private Throwable lastFailure;

    public PagedList(int size, int pageSize, int maxPages, PageSource<T> source, IntFunction<T> placeholder,
                     BackgroundTasks tasks) {
        this(size, pageSize, maxPages, source, placeholder, tasks, t -> { });
    }

    /** @param onFailure told (on the UI thread) when a page cannot be read; its rows stay placeholders */
    public PagedList(int size, int pageSize, int maxPages, PageSource<T> source, IntFunction<T> placeholder,
                     BackgroundTasks tasks, java.util.function.Consumer<Throwable> onFailure) {
        if (pageSize < 1 || maxPages < 2) {
            throw new IllegalArgumentException("pageSize >= 1 and maxPages >= 2");
        }
        this.size = size;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.source = source;
        this.placeholder = placeholder;
        this.tasks = tasks;
        this.onFailure = onFailure;
        this.pages = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Seeds the first page, read together with the count, so a new list shows rows at once. */
    public void preload(int pageIndex, List<T> rows) {
        pages.put(pageIndex, rows);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = index / pageSize;
        T row = rowOf(p, index);
        if (row != null) {
            return row;
        }
        inGet = true;
        try {
            request(p);
        } finally {
            inGet = false;
        }
        row = rowOf(p, index);
        return row != null ? row : placeholder.apply(index);
    }

    private T rowOf(int p, int index) {
        List<T> page = pages.get(p);
        int i = index - p * pageSize;
        return page != null && i < page.size() ? page.get(i) : null;
    }

    /**
     * Identity, not element-wise equality: a paged window over the database is one list, and
     * comparing two element by element would read every page of both. (An ObjectProperty holding
     * the list compares old and new values with equals before telling its listeners.)
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the row's page is in memory (a placeholder is shown otherwise). */
    public boolean isLoaded(int index) {
        return pages.containsKey(index / pageSize);
    }

    /** The pages currently held; never more than the limit given at construction. */
    public int loadedPageCount() {
        return pages.size();
    }

    /** The failure of the latest page load, or null. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /** Stops loading; results still in flight are dropped. Call when the list is replaced. */
    public void dispose() {
        disposed = true;
        wanted.clear();
    }

    private void request(int p) {
        if (disposed || p == loading) {
            return;
        }
        wanted.remove(p);
        wanted.addFirst(p);
        while (wanted.size() > maxPages) {
            wanted.removeLast();
        }
        pump();
    }

    private void pump() {
        if (disposed || loading >= 0 || wanted.isEmpty()) {
            return;
        }
        int p = wanted.pollFirst();
        loading = p;
        tasks.run(() -> source.page((long) p * pageSize, pageSize), rows -> loaded(p, rows), failure -> {
            loading = -1;
            lastFailure = failure;
            if (!disposed) {
                onFailure.accept(failure);
            }
        });
    }

    private void loaded(int p, List<T> rows) {
        loading = -1;
        if (disposed) {
            return;
        }
        pages.put(p, rows);
        while (pages.size() > maxPages) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
        // Inside get() (same-thread loading in tests) the caller reads the row itself: no event then.
        if (!inGet && !rows.isEmpty()) {
            int from = p * pageSize;
            int to = Math.min(size, from + rows.size());
            beginChange();
            for (int i = from; i < to; i++) {
                nextSet(i, placeholder.apply(i));
            }
            endChange();
        }
        pump();
    }
}
