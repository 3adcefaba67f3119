package io.bouncedesk.service;

import io.bouncedesk.bounce.provider.MalformedEvent;
import io.bouncedesk.bounce.provider.ProviderEvent;
import io.bouncedesk.bounce.provider.ProviderEventReader;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.bounce.provider.ReadSummary;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import org.jdbi.v3.core.Jdbi;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports an email provider's event file (SendGrid, Amazon SES, Postmark, Mailgun). Events are
 * applied in batches, each its own transaction; since every event is recorded once by its id,
 * a cancelled or failed import is simply run again to continue. A malformed event is rejected
 * with its position and reason and the others are imported.
 */
public final class EventImportService {

    /** Events per transaction: read and written together (see {@link ObservationIngest#applyAll}). */
    private static final int BATCH = 4_000;
    private static final int MAX_PROBLEMS = 1_000;

    private final Jdbi jdbi;
    private final ObservationIngest ingest;
    private final AuditLogger audit;

    public EventImportService(Jdbi jdbi, ObservationIngest ingest, AuditLogger audit) {
        this.jdbi = jdbi;
        this.ingest = ingest;
        this.audit = audit;
    }

    /** Reads and applies the file; throws {@link UncheckedIOException} when it cannot be read at all. */
    public IngestSummary importFile(User user, ProviderFormat format, Path file, Progress progress) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("Cannot read " + file + ": no such file."));
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Counter counter = new Counter();
        ReadSummary read;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read = readAndApply(new ProviderEventReader(format), in, counter, progress, size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read.truncated()) {
            counter.problems.add("The rest of the file after the last error could not be read.");
        }
        IngestSummary summary = new IngestSummary(counter.imported, counter.updated, counter.duplicates,
                counter.rejected, read.skipped(), List.copyOf(counter.problems), read.cancelled());
        jdbi.useTransaction(h -> audit.record(h, user.username(), "IMPORT_EVENTS",
                AuditSubject.providerEvents(format.name().toLowerCase(Locale.ROOT), file.getFileName().toString()), null,
                AuditLogger.fields("imported", summary.imported(), "matched", summary.updated(),
                        "duplicates", summary.duplicates(), "rejected", summary.rejected(),
                        "cancelled", summary.cancelled())));
        return summary;
    }

    /** What the reading thread hands over: a chunk of events, and at the end the read's summary or failure. */
    private record Part(List<ObservationIngest.Prepared> events, List<MalformedEvent> malformed, long bytesRead,
                        ReadSummary summary, Throwable failure) {
    }

    /**
     * Parsing and applying overlap: a reading thread parses the file into chunks (and each event's
     * address and tracking reference, see {@link ObservationIngest.Prepared}) while this
     * thread applies the previous ones, each in its own transaction, in file order. Progress,
     * problems and cancellation are handled here, on the caller's thread; a chunk read but not
     * yet applied when the user cancels is not applied (an import continues when run again).
     */
    private ReadSummary readAndApply(ProviderEventReader reader, InputStream in, Counter counter, Progress progress,
                                     long size) throws IOException {
        BlockingQueue<Part> parts = new ArrayBlockingQueue<>(2);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Part> end = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            List<ObservationIngest.Prepared> batch = new ArrayList<>(BATCH);
            List<MalformedEvent> malformed = new ArrayList<>();
            long[] bytes = {-1};
            Part last;
            try {
                ReadSummary summary = reader.read(in, event -> {
                    batch.add(ObservationIngest.Prepared.of(observation(event)));
                    if (batch.size() == BATCH) {
                        hand(parts, stop, new Part(List.copyOf(batch), List.copyOf(malformed), bytes[0], null, null));
                        batch.clear();
                        malformed.clear();
                    }
                }, malformed::add, stop::get, (b, events) -> bytes[0] = b);
                last = new Part(List.copyOf(batch), List.copyOf(malformed), bytes[0], summary, null);
            } catch (Throwable e) {
                last = new Part(List.of(), List.copyOf(malformed), bytes[0], null, e);
            }
            end.set(last);
            hand(parts, stop, last);
        }, "event-import-reader");
        thread.setDaemon(true);
        thread.start();
        long reported = -1;
        try {
            while (true) {
                if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
                    stop.set(true);
                    return cancelled(parts, thread, end, counter);
                }
                Part part = parts.poll(100, TimeUnit.MILLISECONDS);
                if (part == null) {
                    continue;
                }
                part.malformed().forEach(counter::reject);
                if (part.failure() != null) {
                    rethrow(part.failure());
                }
                if (part.summary() != null && part.summary().cancelled()) {
                    return part.summary(); // as before: the events read since the last full chunk are not applied
                }
                if (part.bytesRead() >= 0 && part.bytesRead() != reported) {
                    reported = part.bytesRead();
                    progress.update(reported, size);
                }
                apply(part.events(), counter);
                if (part.summary() != null) {
                    progress.update(part.summary().bytesRead(), size);
                    return part.summary();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            return cancelled(parts, thread, end, counter);
        } finally {
            stop.set(true);
            join(thread);
        }
    }

    /**
     * Waits for the reading thread to notice the stop; its summary, marked cancelled. The problems
     * it found in what it read are reported, as when reading and applying were one.
     */
    private static ReadSummary cancelled(BlockingQueue<Part> parts, Thread thread, AtomicReference<Part> end,
                                         Counter counter) {
        join(thread);
        Part p;
        while ((p = parts.poll()) != null) {
            if (p != end.get()) {
                p.malformed().forEach(counter::reject);
            }
        }
        Part last = end.get();
        if (last != null) {
            last.malformed().forEach(counter::reject);
        }
        ReadSummary r = last == null ? null : last.summary();
        return r == null ? new ReadSummary(0, 0, 0, 0, true, false)
                : new ReadSummary(r.events(), r.malformed(), r.skipped(), r.bytesRead(), true, r.truncated());
    }

    /** Waits for the reading thread even when this one was interrupted (the interrupt is kept). */
    private static void join(Thread thread) {
        boolean interrupted = Thread.interrupted();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void hand(BlockingQueue<Part> parts, AtomicBoolean stop, Part part) {
        try {
            while (!stop.get() && !parts.offer(part, 100, TimeUnit.MILLISECONDS)) {
                // the applying thread is busy: wait for room, or for the stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private void apply(List<ObservationIngest.Prepared> batch, Counter counter) {
        if (batch.isEmpty()) {
            return;
        }
        List<ObservationIngest.Outcome> outcomes = jdbi.inTransaction(h -> ingest.applyPrepared(h, batch));
        for (ObservationIngest.Outcome outcome : outcomes) {
            switch (outcome) {
                case DUPLICATE -> counter.duplicates++;
                case MATCHED -> {
                    counter.imported++;
                    counter.updated++;
                }
                default -> counter.imported++;
            }
        }
    }

    static DeliveryObservation observation(ProviderEvent e) {
        DeliveryObservation.Kind kind = switch (e.type()) {
            case DELIVERED -> DeliveryObservation.Kind.DELIVERED;
            case SOFT_BOUNCE -> DeliveryObservation.Kind.SOFT_BOUNCE;
            case HARD_BOUNCE -> DeliveryObservation.Kind.HARD_BOUNCE;
            case DEFERRED -> DeliveryObservation.Kind.DEFERRED;
            case DROPPED -> DeliveryObservation.Kind.DROPPED;
            case OPEN -> DeliveryObservation.Kind.OPEN;
            case CLICK -> DeliveryObservation.Kind.CLICK;
            case SPAM_COMPLAINT -> DeliveryObservation.Kind.SPAM_COMPLAINT;
            case UNSUBSCRIBE -> DeliveryObservation.Kind.UNSUBSCRIBE;
        };
        String source = e.provider().name().toLowerCase(Locale.ROOT);
        return new DeliveryObservation(source + ":" + e.eventId(), source, kind, e.recipient(), e.occurredAt(),
                e.reason(), e.bounceType(), e.enhancedStatus(), e.replyCode(), e.diagnostic(), e.remoteMta(),
                e.messageId(), e.trackingToken(), null, null);
    }

    private static final class Counter {
        long imported;
        long updated;
        long duplicates;
        long rejected;
        final List<String> problems = new ArrayList<>();

        void reject(MalformedEvent m) {
            rejected++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(m.message());
            }
        }
    }
}
