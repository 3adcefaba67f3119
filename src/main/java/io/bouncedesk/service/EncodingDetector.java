package io.bouncedesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One streaming pass over a file before it is imported: refuses binary files, counts lines (for
 * progress) and detects the encoding. A byte order mark decides (UTF-8, UTF-16); otherwise the
 * whole file is decoded as strict UTF-8, and only if that fails is it a legacy code page,
 * Windows-1250 or Windows-1252, chosen by {@link LegacyEncodingGuess}. The whole file is checked
 * because a file can be plain ASCII for a million rows and then hold one "Łódź".
 */
final class EncodingDetector {

    /** What the scan found; {@code bomLength} bytes at the start belong to the byte order mark. */
    record Scan(Charset detected, int bomLength, Charset bomCharset, long lines) {

        /** The bytes to skip before reading {@code charset}: the mark, when it is the mark of that encoding. */
        int bomLengthFor(Charset charset) {
            return charset.equals(bomCharset) ? bomLength : 0;
        }
    }

    private static final int BUFFER = 1 << 16;

    private EncodingDetector() {
    }

    static Scan scan(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Scan scan(InputStream in, String name) throws IOException {
        byte[] buf = new byte[BUFFER];
        int n = in.readNBytes(buf, 0, buf.length);
        if (n == 0) {
            throw new ImportFileException(name + " is empty.");
        }
        int bom = 0;
        Charset bomCharset = null;
        if (n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            bom = 3;
            bomCharset = StandardCharsets.UTF_8;
        } else if (n >= 2 && (buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE) {
            bom = 2;
            bomCharset = StandardCharsets.UTF_16LE;
        } else if (n >= 2 && (buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF) {
            bom = 2;
            bomCharset = StandardCharsets.UTF_16BE;
        } else if (n >= 4 && buf[0] == 'P' && buf[1] == 'K' && buf[2] == 3 && buf[3] == 4) {
            throw new ImportFileException(name + " is a spreadsheet workbook or an archive, not a CSV file."
                    + " Save it as CSV (UTF-8) and import that.");
        }
        boolean utf16 = bomCharset != null && bomCharset != StandardCharsets.UTF_8;

        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer pending = ByteBuffer.allocate(BUFFER + 8);
        CharBuffer sink = CharBuffer.allocate(BUFFER + 8);
        boolean validUtf8 = !utf16;
        LegacyEncodingGuess legacy = new LegacyEncodingGuess();
        long lines = 0;
        long bytes = 0;
        long controls = 0;
        byte last = 0;
        int from = bom;
        while (n > 0) {
            for (int i = from; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    lines++;
                } else if (!utf16 && isControl(b)) {
                    if (b == 0) {
                        throw notText(name);
                    }
                    controls++;
                }
            }
            bytes += n - from;
            last = buf[n - 1];
            if (validUtf8) {
                pending.put(buf, from, n - from).flip();
                validUtf8 = !utf8.decode(pending, sink, false).isError();
                pending.compact();
                sink.clear();
            }
            if (!utf16) {
                legacy.feed(buf, from, n);
            }
            from = 0;
            n = in.readNBytes(buf, 0, buf.length);
        }
        if (validUtf8) {
            pending.flip();
            validUtf8 = !utf8.decode(pending, sink, true).isError() && !utf8.flush(sink).isError();
        }
        // Text files hold no control characters beyond tab and line ends; binary files hold many.
        if (controls > 0 && controls * 100 > bytes) {
            throw notText(name);
        }
        if (last != '\n') {
            lines++;
        }
        Charset detected = bomCharset != null ? bomCharset : validUtf8 ? StandardCharsets.UTF_8 : legacy.guess();
        return new Scan(detected, bom, bomCharset, lines);
    }

    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\f') || b == 0x7F;
    }

    private static ImportFileException notText(String name) {
        return new ImportFileException(name + " is not a CSV text file (it contains binary data).");
    }
}
