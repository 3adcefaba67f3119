package io.bouncedesk.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of an import or a dry run. Imports are all or nothing: when any row is rejected
 * nothing was written and {@code imported}, {@code updated} and {@code duplicates} are 0; the
 * rejected rows say what to fix.
 *
 * @param imported     rows that created a contact (or a new global bounce entry)
 * @param updated      rows that changed an existing one
 * @param duplicates   rows whose address already exists in the workspace with the same data:
 *                     nothing to change. (A row repeating an address seen earlier in the same
 *                     file is not a duplicate but a rejected row.)
 * @param rejected     rejected rows; a header without a required column counts as one (line 1)
 * @param rejectedRows the rejected rows in file order, at most {@link #MAX_LISTED} of them
 * @param columns      field -> the column it was read from
 */
public record ImportReport(String fileName, boolean dryRun, long imported, long updated, long duplicates,
                           long rejected, List<RejectedRow> rejectedRows, String encoding, char delimiter,
                           Map<String, String> columns) {

    /** The report keeps this many rejected rows; a file with more is listed up to here and counted in full. */
    public static final int MAX_LISTED = 10_000;
    public static final List<String> CSV_HEADER = List.of("line", "reason");

    public ImportReport {
        rejectedRows = List.copyOf(rejectedRows);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** True when no row was rejected (a dry run then says the file would import). */
    public boolean accepted() {
        return rejected == 0;
    }

    /** True when the workspace changed: accepted and not a dry run. */
    public boolean written() {
        return accepted() && !dryRun;
    }

    /** Rejected rows beyond the listed ones. */
    public long unlisted() {
        return rejected - rejectedRows.size();
    }

    /** Saves the rejected rows as CSV (line, reason), written whole or not at all; returns the row count. */
    public long saveCsv(Path out, CsvOptions options) {
        try (CsvExportFile file = new CsvExportFile(out, options, CSV_HEADER)) {
            for (RejectedRow r : rejectedRows) {
                file.row(r.line(), r.reason());
            }
            if (unlisted() > 0) {
                file.row(null, "and " + unlisted() + " more rejected rows not listed");
            }
            return file.commit();
        }
    }
}
