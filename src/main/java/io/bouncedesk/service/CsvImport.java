package io.bouncedesk.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loop both CSV imports share: all or nothing, in one transaction, streaming.
 *
 * <p>Rows are read one at a time and validated; valid rows are written in chunks inside one
 * transaction. Only the normalised keys seen so far stay in memory (to reject a row that repeats
 * an address of an earlier row). After the first rejected row nothing more is written, but every
 * row is still validated so the report lists all problems. At the end the transaction commits
 * only when no row was rejected, the run is not a dry run and the user did not cancel; otherwise
 * it rolls back. A dry run therefore takes exactly the same path as the real import.
 */
final class CsvImport {

    static final int CHUNK = 500;

    /** What one kind of import does with its rows. */
    interface Rows<T> {
        /** Reads one data row; throws with the reason when the row is refused. */
        T read(CsvRow row) throws RowRejectedException;

        /** The normalised key: two rows with the same key are the same thing. */
        String key(T item);

        /** A readable form of the key for "duplicate of line N" messages. */
        String describe(T item);

        /** Writes valid, distinct rows inside the transaction and counts what it did. */
        void write(Handle h, List<T> chunk, Counts counts);

        /** The audit entry of an import about to be committed. */
        void audit(Handle h, Counts counts);
    }

    /** What the writes did. */
    static final class Counts {
        long imported;
        long updated;
        long duplicates;
    }

    private CsvImport() {
    }

    static <T> ImportReport run(Jdbi jdbi, CsvSource source, boolean dryRun, Progress progress,
                                Map<String, String> columns, Rows<T> rows) {
        progress.checkCancelled();
        long total = source.estimatedRows();
        progress.update(0, total);
        Counts counts = new Counts();
        List<RejectedRow> listed = new ArrayList<>();
        long rejected = 0;
        long done = 0;
        Map<String, Long> seen = new HashMap<>();
        List<T> chunk = new ArrayList<>(CHUNK);
        try (Handle h = jdbi.open()) {
            h.begin();
            boolean committed = false;
            try {
                CsvRow row;
                while ((row = source.next()) != null) {
                    done++;
                    try {
                        T item = rows.read(row);
                        Long first = seen.putIfAbsent(rows.key(item), row.line());
                        if (first != null) {
                            throw new RowRejectedException("duplicate of line " + first + " (" + rows.describe(item) + ")");
                        }
                        if (rejected == 0) {
                            chunk.add(item);
                        }
                    } catch (RowRejectedException e) {
                        rejected++;
                        chunk.clear();
                        if (listed.size() < ImportReport.MAX_LISTED) {
                            listed.add(new RejectedRow(row.line(), e.getMessage()));
                        }
                    }
                    if (chunk.size() == CHUNK) {
                        rows.write(h, chunk, counts);
                        chunk.clear();
                    }
                    if (done % CHUNK == 0) {
                        progress.checkCancelled();
                        progress.update(done, Math.max(total, done));
                    }
                }
                if (rejected == 0 && !chunk.isEmpty()) {
                    rows.write(h, chunk, counts);
                }
                progress.update(done, done);
                progress.checkCancelled();
                if (rejected == 0 && !dryRun) {
                    rows.audit(h, counts);
                    h.commit();
                    committed = true;
                }
            } finally {
                if (!committed) {
                    h.rollback();
                }
            }
        }
        if (rejected > 0) {
            counts = new Counts();
        }
        return new ImportReport(source.fileName(), dryRun, counts.imported, counts.updated, counts.duplicates,
                rejected, listed, source.encoding().name(), source.delimiter(), columns);
    }

    /** The report of a file whose header lacks a required column: line 1 rejected, nothing read further. */
    static ImportReport headerRejected(CsvSource source, boolean dryRun, Map<String, String> columns, String reason) {
        return new ImportReport(source.fileName(), dryRun, 0, 0, 0, 1, List.of(new RejectedRow(1, reason)),
                source.encoding().name(), source.delimiter(), columns);
    }
}
