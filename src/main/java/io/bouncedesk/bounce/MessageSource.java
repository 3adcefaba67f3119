package io.bouncedesk.bounce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages of a file, a directory (every regular file, sorted by name, not recursive) or an
 * mbox file (messages separated by lines starting with "From " after a blank line). Files are
 * read one at a time. LF, CRLF and CR-only line endings are all understood.
 */
public final class MessageSource implements Iterable<MessageSource.Entry> {

    /**
     * One message.
     *
     * @param source file name the message came from
     * @param index  0-based position of the message within its file (always 0 for single-message files)
     * @param raw    the message bytes, without the mbox "From " separator line
     */
    public record Entry(String source, int index, byte[] raw) {
    }

    /** The result of parsing one message: bounces, or the error that made it unreadable. */
    public record Outcome(String source, int index, List<ParsedBounce> bounces, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final List<Path> files;

    private MessageSource(List<Path> files) {
        this.files = files;
    }

    /** A source over a file or a directory. */
    public static MessageSource of(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                return new MessageSource(s.filter(Files::isRegularFile).sorted().toList());
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("No such file or directory: " + path);
        }
        return new MessageSource(List.of(path));
    }

    @Override
    public Iterator<Entry> iterator() {
        return new Iterator<>() {
            private int file;
            private Iterator<Entry> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && file < files.size()) {
                    Path p = files.get(file++);
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
                    }
                    String name = p.getFileName().toString();
                    List<byte[]> msgs = split(bytes);
                    List<Entry> entries = new ArrayList<>(msgs.size());
                    for (int i = 0; i < msgs.size(); i++) {
                        entries.add(new Entry(name, i, msgs.get(i)));
                    }
                    current = entries.iterator();
                }
                return current.hasNext();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    public Stream<Entry> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    /** Parses every message; a broken one gives an Outcome with its error and the others go on. */
    public List<Outcome> parseAll(BounceMessageParser parser) {
        List<Outcome> out = new ArrayList<>();
        for (Entry e : this) {
            try {
                out.add(new Outcome(e.source(), e.index(), parser.parse(e.raw()), null));
            } catch (MalformedBounceException | RuntimeException ex) {
                out.add(new Outcome(e.source(), e.index(), List.of(), ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            }
        }
        return out;
    }

    /**
     * Splits file content into messages. Only a file whose first line starts with "From " is an
     * mbox; in it, every "From " line at the start of the file or after a blank line begins a message.
     */
    public static List<byte[]> split(byte[] data) {
        if (!startsWithFrom(data, 0)) {
            return List.of(data);
        }
        List<byte[]> out = new ArrayList<>();
        int msgStart = -1;
        boolean prevBlank = true;
        int pos = 0;
        int n = data.length;
        while (pos < n) {
            int eol = pos;
            while (eol < n && data[eol] != '\n' && data[eol] != '\r') {
                eol++;
            }
            int next = eol;
            if (next < n) {
                next += (data[next] == '\r' && next + 1 < n && data[next + 1] == '\n') ? 2 : 1;
            }
            if (prevBlank && startsWithFrom(data, pos)) {
                if (msgStart >= 0) {
                    out.add(trimmed(data, msgStart, pos));
                }
                msgStart = next; // the separator line itself is dropped
            }
            prevBlank = eol == pos;
            pos = next;
        }
        if (msgStart >= 0 && msgStart < n) {
            out.add(trimmed(data, msgStart, n));
        }
        out.removeIf(b -> b.length == 0);
        return out;
    }

    private static byte[] trimmed(byte[] data, int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    private static boolean startsWithFrom(byte[] d, int p) {
        return p + 5 <= d.length && d[p] == 'F' && d[p + 1] == 'r' && d[p + 2] == 'o' && d[p + 3] == 'm' && d[p + 4] == ' ';
    }
}
