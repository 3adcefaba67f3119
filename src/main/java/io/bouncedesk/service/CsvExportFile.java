package io.bouncedesk.service;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes one CSV export safely: RFC 4180 through FastCSV into a temporary file beside the target,
 * moved into place only when complete, so a failed or cancelled export leaves no file (and an
 * existing file at the target stays as it was). Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe.
 */
public final class CsvExportFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final CsvWriter csv;
    private final int columns;
    private final String[] buffer;
    private long rows;
    private boolean done;

    public CsvExportFile(Path target, CsvOptions options, List<String> header) {
        this.target = target.toAbsolutePath();
        Path folder = this.target.getParent();
        try {
            if (folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("The folder " + folder + " does not exist.");
            }
            this.temp = Files.createTempFile(folder, "." + this.target.getFileName(), ".part");
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp),
                    StandardCharsets.UTF_8), 1 << 16);
            if (options.bom()) {
                writer.write('\uFEFF');
            }
            this.csv = CsvWriter.builder().fieldSeparator(options.delimiter()).lineDelimiter(LineDelimiter.CRLF)
                    .build(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + folder + ": " + e.getMessage(), e);
        }
        this.columns = header.size();
        this.buffer = new String[columns];
        csv.writeRecord(header);
    }

    /** Writes one record; values may be null (empty cell). */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < columns; i++) {
            buffer[i] = safe(values[i]);
        }
        csv.writeRecord(buffer);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Flushes and moves the finished file into place; returns the number of data rows. */
    public long commit() {
        try {
            csv.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without a commit, the temporary file is removed: nothing half-written stays behind. */
    @Override
    public void close() {
        if (!done) {
            try {
                csv.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is deleted below either way
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                temp.toFile().deleteOnExit();
            }
        }
    }

    /** Neutralises spreadsheet formulas (CSV injection). */
    static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + s;
            }
        }
        return s;
    }
}
