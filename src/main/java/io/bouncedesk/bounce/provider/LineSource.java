package io.bouncedesk.bounce.provider;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it: Jackson parses each line straight from
 * the buffer, which is what keeps JSON lines fast. Also counts the bytes read, for progress.
 */
final class LineSource {

    private final Counting in;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean holdLine;
    int lineStart;
    int lineEnd;
    long lineNumber;

    LineSource(InputStream in) {
        this.in = new Counting(in);
    }

    byte[] buffer() {
        return buf;
    }

    long bytesRead() {
        return in.count;
    }

    /** Skips a UTF-8 byte order mark and returns the first byte that is not white space, or -1 for none. */
    int peekSignificant() throws IOException {
        while (limit - pos < 3 && fill()) {
            // a BOM needs three bytes
        }
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
        int off = 0;
        while (true) {
            if (pos + off >= limit) {
                if (!fill()) {
                    return -1;
                }
                continue;
            }
            int b = buf[pos + off] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
            off++;
        }
    }

    /** Advances to the next line ([lineStart, lineEnd) without its line break); false at the end. */
    boolean nextLine() throws IOException {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(pos, i);
                    pos = i + 1;
                    return true;
                }
            }
            int scanned = limit - pos;
            if (!fill()) {
                if (pos >= limit) {
                    return false;
                }
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            scan = pos + scanned; // fill may have moved the unread bytes to the front
        }
    }

    /**
     * The first byte that is not white space after the current line, without consuming anything
     * (the current line stays readable), or -1 at the end of the input.
     */
    int peekAfterLine() throws IOException {
        holdLine = true;
        try {
            int off = 0;
            while (true) {
                if (pos + off >= limit) {
                    if (!fill()) {
                        return -1;
                    }
                    continue;
                }
                int b = buf[pos + off] & 0xFF;
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b;
                }
                off++;
            }
        } finally {
            holdLine = false;
        }
    }

    boolean lineIsBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The rest of the input from the current line on, for reading it as one JSON document. */
    InputStream fromLineStart() {
        return new SequenceInputStream(new ByteArrayInputStream(buf, lineStart, limit - lineStart), in);
    }

    /** The rest of the input from the unread position on. */
    InputStream remaining() {
        return new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
    }

    private void setLine(int start, int end) {
        lineStart = start;
        lineEnd = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        lineNumber++;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (limit == buf.length) {
            int keep = holdLine ? lineStart : pos;
            if (keep > 0) {
                System.arraycopy(buf, keep, buf, 0, limit - keep);
                limit -= keep;
                pos -= keep;
                lineStart -= keep;
                lineEnd -= keep;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
            }
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
