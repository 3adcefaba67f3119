package io.bouncedesk.service;

import io.bouncedesk.persistence.RecipientExportDao;
import io.bouncedesk.persistence.RecipientQuery;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One recipients export: rows stream from the database straight into UTF-8 CSV bytes
 * ({@link CsvRows}). A big list sorted by id is cut into id ranges that {@link #READERS} threads
 * read at once, each on its own connection, into buffers the calling thread writes to the file
 * strictly in list order; only a few ranges are in memory at a time. Other lists are read in one
 * query on the calling thread. Either way the file is the same, byte for byte.
 * <p>
 * Each range is one statement and so one consistent read; a change committed while the export
 * runs may show in later ranges and not in earlier ones, as it would between two pages of a list.
 * Nothing here is particular to SQLite: the ranges are plain {@code id} bounds, and each query
 * returns at most a range's rows (which also keeps PostgreSQL's driver, that holds a whole result
 * outside a transaction, in bounded memory).
 */
final class RecipientExport {

    /** Rows a range holds on average (1.6 MB of CSV at a demo recipient's 160 bytes). */
    static final long ROWS_PER_RANGE = 10_000;
    /** Below this many rows one query on the calling thread is as quick. */
    static final long PARALLEL_FROM_ROWS = 3 * ROWS_PER_RANGE;
    /** Reading threads: the database's per-cell work is most of an export's time. */
    static final int READERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Bytes the one-query path collects before it writes them. */
    private static final int FLUSH_BYTES = 1 << 20;
    private static final int CHECK_EVERY_ROWS = 1024;

    private final Jdbi jdbi;
    private final RecipientExportDao dao;
    private final RecipientQuery query;
    private final CsvExportFile file;
    private final ZoneId zone;
    private final Progress progress;
    private final long total;
    private final long rowsPerRange;
    private final long parallelFromRows;
    private final int readers;
    private final ConcurrentLinkedQueue<CsvRows> spare = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    RecipientExport(Jdbi jdbi, RecipientExportDao dao, RecipientQuery query, CsvExportFile file, ZoneId zone,
                    Progress progress, long total) {
        this(jdbi, dao, query, file, zone, progress, total, ROWS_PER_RANGE, PARALLEL_FROM_ROWS, READERS);
    }

    /** With the range size, the size from which ranges are read in parallel, and the reading threads given. */
    RecipientExport(Jdbi jdbi, RecipientExportDao dao, RecipientQuery query, CsvExportFile file, ZoneId zone,
                    Progress progress, long total, long rowsPerRange, long parallelFromRows, int readers) {
        this.rowsPerRange = rowsPerRange;
        this.parallelFromRows = parallelFromRows;
        this.readers = readers;
        this.jdbi = jdbi;
        this.dao = dao;
        this.query = query;
        this.file = file;
        this.zone = zone;
        this.progress = progress;
        this.total = total;
    }

    /** Writes every row of the query to the file. */
    void run() {
        if (query.sort() == RecipientQuery.Sort.ID && total >= parallelFromRows && readers > 1) {
            // the ids of all of the email's recipients (one index lookup); a tab's rows lie among them
            long[] ids = jdbi.withHandle(h -> dao.idRange(h, query.emailId()));
            if (ids[1] >= ids[0]) {
                inRanges(ranges(ids[0], ids[1], total, rowsPerRange, query.descending()));
                return;
            }
        }
        inOneQuery();
    }

    /**
     * Consecutive id ranges covering {@code [lo, hi]}, in list order, each spanning as many ids as
     * hold {@code perRange} of the {@code rows} rows on average.
     */
    static List<long[]> ranges(long lo, long hi, long rows, long perRange, boolean descending) {
        long span = Math.max(1, (long) ((hi - lo + 1.0) * perRange / Math.max(1, rows)));
        List<long[]> ranges = new ArrayList<>();
        for (long from = lo; from <= hi; from += span) {
            long to = hi - from < span ? hi : from + span - 1;
            ranges.add(new long[] {from, to});
            if (to == hi) {
                break;
            }
        }
        if (descending) {
            Collections.reverse(ranges);
        }
        return ranges;
    }

    private void inOneQuery() {
        CsvRows rows = file.newRows(FLUSH_BYTES + (FLUSH_BYTES >> 2));
        Encoder encoder = new Encoder(zone);
        jdbi.useHandle(h -> dao.streamExport(h, query, row -> {
            encoder.row(row, rows);
            if (rows.count() % CHECK_EVERY_ROWS == 0 || rows.size() >= FLUSH_BYTES) {
                progress.checkCancelled();
                if (rows.size() >= FLUSH_BYTES) {
                    file.write(rows);
                    progress.update(file.rows(), total);
                }
            }
        }));
        file.write(rows);
        progress.update(file.rows(), total);
    }

    private void inRanges(List<long[]> ranges) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers, r -> {
            Thread t = new Thread(r, "csv-export-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<CsvRows>> reading = new ArrayDeque<>();
        try {
            int next = 0;
            // a few ranges are read ahead of the one being written, no more: memory stays bounded
            while (next < ranges.size() && reading.size() < 2 * readers) {
                reading.add(pool.submit(read(ranges.get(next++))));
            }
            while (!reading.isEmpty()) {
                CsvRows rows = await(reading.poll());
                file.write(rows);
                spare.add(rows);
                progress.update(file.rows(), total);
                if (next < ranges.size()) {
                    reading.add(pool.submit(read(ranges.get(next++))));
                }
            }
        } finally {
            stopped = true;
            pool.shutdownNow();
            try {
                // a reader still running holds a connection: give it back before returning
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Callable<CsvRows> read(long[] range) {
        return () -> {
            CsvRows rows = spare.poll();
            if (rows == null) {
                rows = file.newRows(FLUSH_BYTES);
            }
            CsvRows into = rows;
            Encoder encoder = new Encoder(zone);
            jdbi.useHandle(h -> dao.streamExport(h, query, range[0], range[1], row -> {
                encoder.row(row, into);
                if (into.count() % CHECK_EVERY_ROWS == 0 && (stopped || Thread.currentThread().isInterrupted())) {
                    throw new CancelledException();
                }
            }));
            return into;
        };
    }

    /** Waits for a range, still answering a cancel meanwhile. */
    private CsvRows await(Future<CsvRows> range) {
        while (true) {
            progress.checkCancelled();
            try {
                return range.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check for a cancel again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Turns export rows into CSV cells; one per thread (its event-time cache is not shared). */
    static final class Encoder {
        private static final int MINUTES = 64;
        private static final long MINUTE_MS = 60_000;
        private final ZoneId zone;
        private final long[] minuteKeys = new long[MINUTES];
        /** Per cached minute: the text up to the minutes ("2026-03-10T10:00"), null when not cached. */
        private final byte[][] minutePrefix = new byte[MINUTES][];
        /** Per cached minute: the offset after the seconds ("+01:00", "Z"). */
        private final byte[][] minuteOffset = new byte[MINUTES][];

        Encoder(ZoneId zone) {
            this.zone = zone;
        }

        void row(RecipientExportDao.ExportRow row, CsvRows out) {
            for (int i = 0; i < RecipientExportDao.EXPORT_CELLS; i++) {
                if (i == RecipientExportDao.EXPORT_EVENT_TIME) {
                    out.cell(row.hasEventTime() ? time(row.eventAt()) : null);
                } else {
                    out.cell(row.cell(i));
                }
            }
            out.endRow();
        }

        /**
         * The text {@link ExportService#time} gives an event time, as UTF-8. What it writes up to the
         * minute, and the offset, are the same for a whole minute (unless the offset changes within
         * it): they are formatted once per minute and kept; the seconds and milliseconds are added
         * here, as ISO 8601 writes them (":ss", then "." and the milliseconds without trailing zeros).
         */
        byte[] time(long epochMilli) {
            long minute = Math.floorDiv(epochMilli, MINUTE_MS);
            int slot = (int) (minute ^ (minute >>> 11) ^ (minute >>> 29)) & (MINUTES - 1);
            if (minutePrefix[slot] == null || minuteKeys[slot] != minute) {
                if (!keepMinute(minute, slot)) {
                    return ExportService.time(Instant.ofEpochMilli(epochMilli), zone).getBytes(StandardCharsets.UTF_8);
                }
            }
            byte[] prefix = minutePrefix[slot];
            byte[] offset = minuteOffset[slot];
            int inMinute = (int) Math.floorMod(epochMilli, MINUTE_MS);
            int second = inMinute / 1000;
            int milli = inMinute % 1000;
            int digits = milli == 0 ? 0 : milli % 100 == 0 ? 1 : milli % 10 == 0 ? 2 : 3;
            byte[] text = new byte[prefix.length + 3 + (digits == 0 ? 0 : 1 + digits) + offset.length];
            System.arraycopy(prefix, 0, text, 0, prefix.length);
            int at = prefix.length;
            text[at++] = ':';
            text[at++] = (byte) ('0' + second / 10);
            text[at++] = (byte) ('0' + second % 10);
            if (digits > 0) {
                text[at++] = '.';
                int scaled = milli;
                for (int d = 3; d > digits; d--) {
                    scaled /= 10;
                }
                for (int d = digits - 1; d >= 0; d--) {
                    text[at + d] = (byte) ('0' + scaled % 10);
                    scaled /= 10;
                }
                at += digits;
            }
            System.arraycopy(offset, 0, text, at, offset.length);
            return text;
        }

        /** Formats a minute's start and keeps its two parts; false when the offset changes within the minute. */
        private boolean keepMinute(long minute, int slot) {
            Instant start = Instant.ofEpochMilli(minute * MINUTE_MS);
            var transition = zone.getRules().nextTransition(start);
            if (transition != null && transition.getInstant().toEpochMilli() < (minute + 1) * MINUTE_MS) {
                return false;
            }
            String text = ExportService.time(start, zone);
            // "...THH:mm:00<offset>": the start of a minute has no fraction
            int t = text.indexOf('T');
            if (t < 0 || text.length() < t + 9 || !text.startsWith(":00", t + 6)) {
                return false;
            }
            minuteKeys[slot] = minute;
            minutePrefix[slot] = text.substring(0, t + 6).getBytes(StandardCharsets.UTF_8);
            minuteOffset[slot] = text.substring(t + 9).getBytes(StandardCharsets.UTF_8);
            return true;
        }
    }
}
