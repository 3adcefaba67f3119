package io.bouncedesk.service;

import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 */
final class RecipientExport {

    /** Rows a range holds on average (about 3 MB of CSV). */
    static final long ROWS_PER_RANGE = 20_000;
    /** Below this many rows one query on the calling thread is as quick. */
    static final long PARALLEL_FROM_ROWS = 3 * ROWS_PER_RANGE;
    /** Reading threads: the database's per-cell work is most of an export's time. */
    static final int READERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** Bytes the one-query path collects before it writes them. */
    private static final int FLUSH_BYTES = 1 << 20;
    private static final int CHECK_EVERY_ROWS = 1024;

    private final Jdbi jdbi;
    private final RecipientListDao dao;
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

    RecipientExport(Jdbi jdbi, RecipientListDao dao, RecipientQuery query, CsvExportFile file, ZoneId zone,
                    Progress progress, long total) {
        this(jdbi, dao, query, file, zone, progress, total, ROWS_PER_RANGE, PARALLEL_FROM_ROWS, READERS);
    }

    /** With the range size, the size from which ranges are read in parallel, and the reading threads given. */
    RecipientExport(Jdbi jdbi, RecipientListDao dao, RecipientQuery query, CsvExportFile file, ZoneId zone,
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

    private java.util.concurrent.Callable<CsvRows> read(long[] range) {
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
        private static final int TIMES = 64;
        private final ZoneId zone;
        private final long[] timeKeys = new long[TIMES];
        private final byte[][] timeText = new byte[TIMES][];

        Encoder(ZoneId zone) {
            this.zone = zone;
        }

        void row(RecipientListDao.ExportRow row, CsvRows out) {
            for (int i = 0; i < RecipientListDao.EXPORT_CELLS; i++) {
                if (i == RecipientListDao.EXPORT_EVENT_TIME) {
                    out.cell(row.hasEventTime() ? time(row.eventAt()) : null);
                } else {
                    out.cell(row.cell(i));
                }
            }
            out.endRow();
        }

        /** The ISO 8601 text of an event time; the rows of one send share few times, so they are kept. */
        byte[] time(long epochMilli) {
            int slot = (int) (epochMilli ^ (epochMilli >>> 17) ^ (epochMilli >>> 37)) & (TIMES - 1);
            byte[] text = timeText[slot];
            if (text == null || timeKeys[slot] != epochMilli) {
                text = ExportService.time(Instant.ofEpochMilli(epochMilli), zone).getBytes(StandardCharsets.UTF_8);
                timeKeys[slot] = epochMilli;
                timeText[slot] = text;
            }
            return text;
        }
    }
}
