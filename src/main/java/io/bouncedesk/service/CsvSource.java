package io.bouncedesk.service;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An imported CSV file, read one record at a time (a million rows never sit in memory). Opening
 * it detects what the user did not say: the encoding (see {@link EncodingDetector}) and the
 * delimiter (the one of ',', ';' and tab that splits the header into the most columns and the
 * first rows into as many; a file with one column reads as comma-separated). The first record is
 * the header. Records come with the physical line they start on, quoted fields spanning lines
 * included, because that is the line a person looks up in the file.
 */
public final class CsvSource implements AutoCloseable {

    private static final char[] DELIMITERS = {',', ';', '\t'};
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;

    private final String fileName;
    private final Charset encoding;
    private final char delimiter;
    private final long estimatedRows;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;

    private CsvSource(Path file, Charset encoding, char delimiter, long estimatedRows, Reader in) {
        this.fileName = file.getFileName().toString();
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.estimatedRows = estimatedRows;
        this.reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(in);
        this.records = reader.iterator();
        CsvRow first;
        try {
            first = next();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (first == null || first.fields().stream().allMatch(String::isBlank)) {
            close();
            throw new ImportFileException(fileName + " is empty: it has no header line naming the columns.");
        }
        List<String> names = new ArrayList<>();
        for (String f : first.fields()) {
            names.add(f.replace("\uFEFF", "").strip());
        }
        this.header = List.copyOf(names);
    }

    /** Opens the file for reading; throws {@link ImportFileException} when it cannot be read as CSV. */
    public static CsvSource open(Path file, CsvReadOptions options) {
        checkFile(file);
        EncodingDetector.Scan scan = EncodingDetector.scan(file);
        Charset encoding = options.encoding() != null ? options.encoding() : scan.detected();
        int skip = scan.bomLengthFor(encoding);
        char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(sample(file, encoding, skip));
        return new CsvSource(file, encoding, delimiter, Math.max(0, scan.lines() - 1), reader(file, encoding, skip));
    }

    /** The detected format, the header and the first {@code rows} records, for the import dialog. */
    public static CsvPreview preview(Path file, CsvReadOptions options, int rows) {
        try (CsvSource source = open(file, options)) {
            List<CsvRow> first = new ArrayList<>();
            CsvRow row;
            while (first.size() < rows && (row = source.next()) != null) {
                first.add(row);
            }
            return new CsvPreview(source.fileName, source.encoding, source.delimiter, source.header, first,
                    source.estimatedRows);
        }
    }

    /** The next record, or null at the end of the file. */
    public CsvRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord r = records.next();
            return new CsvRow(r.getStartingLineNumber(), r.getFields());
        } catch (CsvParseException e) {
            throw new ImportFileException(fileName + " could not be read as CSV: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ImportFileException("Cannot read " + fileName + ": " + e.getCause().getMessage(), e);
        }
    }

    public String fileName() {
        return fileName;
    }

    public Charset encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter;
    }

    public List<String> header() {
        return header;
    }

    /** Lines after the header: the number of rows unless quoted fields span lines. For progress only. */
    public long estimatedRows() {
        return estimatedRows;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }

    /** The delimiter that gives the widest header and the most rows of the same width. */
    static char detectDelimiter(String sample) {
        if (sample.length() >= SAMPLE_CHARS) {
            int cut = sample.lastIndexOf('\n');
            if (cut > 0) {
                sample = sample.substring(0, cut + 1);
            }
        }
        char best = ',';
        long bestScore = 0;
        for (char d : DELIMITERS) {
            List<Integer> widths = new ArrayList<>();
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(d).ofCsvRecord(sample)) {
                for (CsvRecord r : csv) {
                    widths.add(r.getFieldCount());
                    if (widths.size() > SAMPLE_RECORDS) {
                        break;
                    }
                }
            } catch (IOException | CsvParseException e) {
                continue;
            }
            if (widths.isEmpty() || widths.get(0) < 2) {
                continue;
            }
            int width = widths.get(0);
            long same = widths.stream().skip(1).filter(w -> w == width).count();
            long score = same * 1000 + width;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static void checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new ImportFileException(file + " is a folder, not a CSV file.");
        }
        if (!Files.exists(file)) {
            throw new ImportFileException("File not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new ImportFileException("Cannot read " + file + ": permission denied.");
        }
    }

    private static String sample(Path file, Charset encoding, int skip) {
        try (Reader in = reader(file, encoding, skip)) {
            char[] buf = new char[SAMPLE_CHARS];
            int n = in.read(buf, 0, buf.length);
            int total = Math.max(n, 0);
            while (n > 0 && total < buf.length) {
                n = in.read(buf, total, buf.length - total);
                total += Math.max(n, 0);
            }
            return new String(buf, 0, total);
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Reader reader(Path file, Charset encoding, int skip) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(skip);
            return new InputStreamReader(in, encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
