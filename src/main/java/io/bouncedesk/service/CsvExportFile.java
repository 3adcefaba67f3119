package io.bouncedesk.service;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
 * <p>
 * Large exports encode their rows as bytes in {@link CsvRows} (identical to what FastCSV writes
 * here) and append them with {@link #write(CsvRows)}; both kinds of rows go to the same stream in
 * the order they are written.
 */
public final class CsvExportFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final CsvWriter csv;
    private final char delimiter;
    private final int columns;
    private final String[] buffer;
    private long rows;
    /** Whether FastCSV may hold characters not yet passed on to {@link #out}. */
    private boolean pendingChars;
    private boolean done;

    public CsvExportFile(Path target, CsvOptions options, List<String> header) {
        this.target = target.toAbsolutePath();
        Path folder = this.target.getParent();
        try {
            if (folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("The folder " + folder + " does not exist.");
            }
            this.temp = Files.createTempFile(folder, "." + this.target.getFileName(), ".part");
            this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (options.bom()) {
                writer.write('\uFEFF');
            }
            this.csv = CsvWriter.builder().fieldSeparator(options.delimiter()).lineDelimiter(LineDelimiter.CRLF)
                    .build(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + folder + ": " + e.getMessage(), e);
        }
        this.delimiter = options.delimiter();
        this.columns = header.size();
        this.buffer = new String[columns];
        csv.writeRecord(header);
        pendingChars = true;
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
        pendingChars = true;
        rows++;
    }

    /**
     * An empty buffer for rows of this file (its delimiter and number of columns); it may be filled
     * on another thread and handed back to {@link #write(CsvRows)}.
     */
    public CsvRows newRows(int capacity) {
        return new CsvRows(delimiter, columns, capacity);
    }

    /** Appends the rows a buffer holds, after every row written so far, and empties the buffer. */
    public void write(CsvRows encoded) {
        try {
            if (pendingChars) {
                csv.flush();
                pendingChars = false;
            }
            encoded.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        rows += encoded.count();
        encoded.clear();
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
        if (!s.isEmpty() && isFormulaStart(s.charAt(0))) {
            return "'" + s;
        }
        return s;
    }

    /** Whether a cell starting with this character needs the apostrophe (the same for UTF-8 bytes: all ASCII). */
    static boolean isFormulaStart(int c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
