package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads one provider's delivery events from a stream, without loading it whole.
 *
 * <p>The shape is detected: input starting with '[' is a JSON array (or several, one after the
 * other), streamed element by element; input starting with '{' is JSON lines, one event or
 * envelope per line, unless its first line is an incomplete value that the next line continues
 * (pretty-printed JSON), in which case it is read as a document. A line or element that cannot be read is reported to the
 * malformed callback with its position and reading goes on. Inside an array a JSON syntax error
 * cannot be skipped over, so it is reported and ends the read ({@link ReadSummary#truncated()}).
 * Input that is not JSON at all, or whose first object is not this provider's data, throws
 * {@link UnreadableInputException}.
 *
 * <p>Events BounceDesk has no use for (SendGrid processed, SES Send, ...) are counted as skipped;
 * event types the provider does not document are reported as malformed. The stream is not closed.
 * Instances are immutable and may be shared between threads.
 */
public final class ProviderEventReader {

    private static final int CHECK_EVERY = 1024;
    private static final int PROGRESS_EVERY = 16 * 1024;
    private static final ObjectReader LINE_READER = JsonFields.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ProviderFormat format;
    private final EventParser parser;

    public ProviderEventReader(ProviderFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        this.parser = EventParser.of(format);
    }

    public ProviderFormat format() {
        return format;
    }

    public ReadSummary read(InputStream in, Consumer<ProviderEvent> events, Consumer<MalformedEvent> malformed)
            throws IOException {
        return read(in, events, malformed, () -> false, ReadProgress.NONE);
    }

    /**
     * @param cancelled checked every {@value #CHECK_EVERY} elements, as is the thread's interrupt flag;
     *                  a cancelled read returns early with {@link ReadSummary#cancelled()} set
     * @param progress  told the bytes read and events found every {@value #PROGRESS_EVERY} elements and at the end
     */
    public ReadSummary read(InputStream in, Consumer<ProviderEvent> events, Consumer<MalformedEvent> malformed,
                            BooleanSupplier cancelled, ReadProgress progress) throws IOException {
        Run run = new Run(in, events, malformed, cancelled, progress);
        run.run();
        progress.progress(run.source.bytesRead(), run.events);
        return new ReadSummary(run.events, run.malformed, run.skipped, run.source.bytesRead(), run.cancelled,
                run.truncated);
    }

    /** The first line of a Jackson message and the column, without Jackson's source excerpt. */
    static String shortMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        m = m == null ? e.getClass().getSimpleName() : m;
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        if (m.length() > 160) {
            m = m.substring(0, 157) + "...";
        }
        JsonLocation loc = e.getLocation();
        return loc != null && loc.getColumnNr() > 0 ? m + " (column " + loc.getColumnNr() + ")" : m;
    }

    /** The state of one read; also the sink the parser reports into. */
    private final class Run implements EventSink {
        final LineSource source;
        final Consumer<ProviderEvent> eventConsumer;
        final Consumer<MalformedEvent> malformedConsumer;
        final BooleanSupplier cancelCheck;
        final ReadProgress progress;
        long events;
        long malformed;
        long skipped;
        long elements;
        boolean cancelled;
        boolean truncated;
        boolean firstSeen;
        long currentEvent;
        long currentLine;

        Run(InputStream in, Consumer<ProviderEvent> events, Consumer<MalformedEvent> malformed,
            BooleanSupplier cancelled, ReadProgress progress) {
            this.source = new LineSource(Objects.requireNonNull(in, "in"));
            this.eventConsumer = Objects.requireNonNull(events, "events");
            this.malformedConsumer = Objects.requireNonNull(malformed, "malformed");
            this.cancelCheck = Objects.requireNonNull(cancelled, "cancelled");
            this.progress = Objects.requireNonNull(progress, "progress");
        }

        void run() throws IOException {
            if (cancelCheck.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                cancelled = true;
                return;
            }
            int first = source.peekSignificant();
            if (first < 0) {
                return; // empty input: no events
            }
            if (first == '[') {
                document(source.remaining(), 0);
            } else if (first == '{') {
                lines();
            } else {
                throw new UnreadableInputException("The input is not JSON: it starts with " + describe(first)
                        + "; expected a JSON array of " + format.label() + " events or one JSON object per line");
            }
        }

        private void lines() throws IOException {
            boolean firstLine = true;
            while (!cancelled && source.nextLine()) {
                if (source.lineIsBlank()) {
                    continue;
                }
                long line = source.lineNumber;
                JsonNode node;
                try {
                    node = LINE_READER.readTree(source.buffer(), source.lineStart, source.lineEnd - source.lineStart);
                } catch (JsonEOFException e) {
                    if (firstLine && isContinuation(source.peekAfterLine())) {
                        // The first value goes on past its line: one pretty-printed document, not JSON lines.
                        document(source.fromLineStart(), line - 1);
                        return;
                    }
                    report(0, line, "not valid JSON: " + shortMessage(e));
                    continue;
                } catch (JacksonException e) {
                    report(0, line, "not valid JSON: " + shortMessage(e));
                    continue;
                } finally {
                    firstLine = false;
                }
                if (node.isArray()) {
                    for (int i = 0; i < node.size() && !cancelled; i++) {
                        element(node.get(i), i + 1, line);
                    }
                } else {
                    element(node, 0, line);
                }
            }
        }

        /** Pretty-printed JSON goes on with a field or a closing bracket; JSON lines with the next value. */
        private boolean isContinuation(int nextByte) {
            return nextByte >= 0 && nextByte != '{' && nextByte != '[';
        }

        /** Streams root values: arrays are read element by element, objects are one element each. */
        private void document(InputStream in, long lineOffset) throws IOException {
            long index = 0;
            long line = lineOffset + 1;
            try (JsonParser p = JsonFields.MAPPER.createParser(in)) {
                JsonToken t;
                while (!cancelled && (t = p.nextToken()) != null) {
                    if (t != JsonToken.START_ARRAY) {
                        line = lineOffset + p.currentTokenLocation().getLineNr();
                        element(t == JsonToken.START_OBJECT ? p.readValueAsTree() : scalar(p, t), ++index, line);
                        continue;
                    }
                    while (!cancelled && (t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                        line = lineOffset + p.currentTokenLocation().getLineNr();
                        element(t == JsonToken.START_OBJECT ? p.readValueAsTree() : scalar(p, t), ++index, line);
                    }
                }
            } catch (JacksonException e) {
                JsonLocation loc = e.getLocation();
                long at = loc != null && loc.getLineNr() > 0 ? lineOffset + loc.getLineNr() : line;
                report(index + 1, at, "not valid JSON: " + shortMessage(e) + "; the rest of the input could not be read");
                truncated = true;
            }
        }

        private JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.START_ARRAY) {
                p.skipChildren();
                return JsonFields.MAPPER.createArrayNode();
            }
            return p.readValueAsTree();
        }

        private void element(JsonNode node, long event, long line) throws IOException {
            if (!node.isObject()) {
                report(event, line, "not a JSON object but " + JsonFields.kind(node));
            } else {
                ObjectNode obj = (ObjectNode) node;
                if (!firstSeen) {
                    firstSeen = true;
                    if (!parser.recognises(obj)) {
                        throw new UnreadableInputException(new MalformedEvent(event, line, "").position()
                                + ": this is not " + format.label() + " event data (a JSON object with keys "
                                + keys(obj) + ")." + lookalike(obj));
                    }
                }
                currentEvent = event;
                currentLine = line;
                try {
                    parser.parse(obj, this);
                } catch (MalformedEventException e) {
                    problem(e.getMessage());
                }
            }
            checkpoint();
        }

        private void checkpoint() {
            elements++;
            if (elements % CHECK_EVERY == 0
                    && (cancelCheck.getAsBoolean() || Thread.currentThread().isInterrupted())) {
                cancelled = true;
            }
            if (elements % PROGRESS_EVERY == 0) {
                progress.progress(source.bytesRead(), events);
            }
        }

        private void report(long event, long line, String problem) {
            malformed++;
            malformedConsumer.accept(new MalformedEvent(event, line, problem));
        }

        @Override
        public void event(ProviderEvent event) {
            events++;
            eventConsumer.accept(event);
        }

        @Override
        public void problem(String problem) {
            report(currentEvent, currentLine, problem);
        }

        @Override
        public void skip(String why) {
            skipped++;
        }

        private String lookalike(ObjectNode obj) {
            for (ProviderFormat other : ProviderFormat.values()) {
                if (other != format && EventParser.of(other).recognises(obj)) {
                    return " It looks like " + other.label() + " data: was the right provider chosen?";
                }
            }
            return "";
        }
    }

    private static String keys(ObjectNode obj) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        Iterator<String> it = obj.fieldNames();
        for (int i = 0; it.hasNext(); i++) {
            if (i == 8) {
                j.add("...");
                break;
            }
            j.add(it.next());
        }
        return j.toString();
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format("the byte 0x%02X", b);
    }
}
