package io.bouncedesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Export rows encoded straight to UTF-8 bytes, byte for byte what {@link CsvExportFile#row} writes
 * through FastCSV for the same cells: the formula guard first ({@link CsvExportFile#safe}), then
 * FastCSV's quoting (a cell is quoted when it holds the quote, the delimiter, CR or LF, or when the
 * first cell of a row starts with FastCSV's comment character '#'; quotes inside are doubled), cells
 * joined by the delimiter, rows ended by CRLF. Text read from the database as UTF-8 is copied
 * without decoding it to a String and encoding it again; only text that is not well-formed UTF-8
 * takes that round trip, so it gets the same replacement characters as through a String.
 * <p>
 * One instance is filled by one thread and handed to {@link CsvExportFile#write(CsvRows)}.
 */
public final class CsvRows {

    private static final byte QUOTE = '"';
    /** FastCSV's default comment character: a first cell starting with it is quoted. */
    private static final byte COMMENT = '#';

    private static final byte SPECIAL = 1;
    private static final byte NON_ASCII = 2;

    private final byte delimiter;
    /** Per byte value: {@link #SPECIAL} when it makes FastCSV quote the cell, {@link #NON_ASCII} for 0x80..0xFF. */
    private final byte[] kinds = new byte[256];
    private final int columns;
    private byte[] buf;
    private int size;
    private int cell;
    private long rows;

    CsvRows(char delimiter, int columns, int capacity) {
        if (delimiter > 0x7F) {
            throw new IllegalArgumentException("The delimiter must be ASCII");
        }
        this.delimiter = (byte) delimiter;
        kinds[QUOTE] = SPECIAL;
        kinds[delimiter] = SPECIAL;
        kinds['\n'] = SPECIAL;
        kinds['\r'] = SPECIAL;
        for (int b = 0x80; b < 0x100; b++) {
            kinds[b] = NON_ASCII;
        }
        this.columns = columns;
        this.buf = new byte[Math.max(capacity, 256)];
    }

    /** Appends a cell given as UTF-8 (as read from the database); null is an empty cell. */
    public void cell(byte[] utf8) {
        if (cell > 0) {
            put(delimiter);
        }
        int index = cell++;
        if (utf8 == null || utf8.length == 0) {
            return;
        }
        encode(utf8, index);
    }

    /** Appends a text cell; null is an empty cell. */
    public void cell(String text) {
        cell(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the row: every row has as many cells as the header. */
    public void endRow() {
        if (cell != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + cell);
        }
        ensure(2);
        buf[size++] = '\r';
        buf[size++] = '\n';
        cell = 0;
        rows++;
    }

    /** Complete rows held. */
    public long count() {
        return rows;
    }

    /** Bytes held. */
    public int size() {
        return size;
    }

    /** Forgets the rows held, keeping the memory for the next ones. */
    public void clear() {
        if (cell != 0) {
            throw new IllegalStateException("a row is not finished");
        }
        size = 0;
        rows = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        if (cell != 0) {
            throw new IllegalStateException("a row is not finished");
        }
        out.write(buf, 0, size);
    }

    private void encode(byte[] v, int index) {
        byte first = v[0];
        boolean guard = CsvExportFile.isFormulaStart(first);
        int kind = 0;
        for (byte b : v) {
            kind |= kinds[b & 0xFF];
        }
        if ((kind & NON_ASCII) != 0 && !wellFormed(v)) {
            // what a String would hold after decoding, replacement characters included
            encode(new String(v, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), index);
            return;
        }
        boolean quote = (kind & SPECIAL) != 0 || !guard && index == 0 && first == COMMENT;
        if (!quote) {
            ensure(v.length + 1);
            if (guard) {
                buf[size++] = '\'';
            }
            System.arraycopy(v, 0, buf, size, v.length);
            size += v.length;
            return;
        }
        ensure(2 * v.length + 3);
        byte[] b = buf;
        int at = size;
        b[at++] = QUOTE;
        if (guard) {
            b[at++] = '\'';
        }
        for (byte c : v) {
            b[at++] = c;
            if (c == QUOTE) {
                b[at++] = QUOTE;
            }
        }
        b[at++] = QUOTE;
        size = at;
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
     * nothing above U+10FFFF), i.e. whether decoding and encoding them again gives them back.
     */
    static boolean wellFormed(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c < 0xC2) {
                return false;
            } else if (c < 0xE0) {
                need = 1;
            } else if (c < 0xF0) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c < 0xF5) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= n) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int next = b[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
