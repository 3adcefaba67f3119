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
import java.util.Map;

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
        List<ProviderEvent> batch = new ArrayList<>(BATCH);
        ReadSummary read;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read = new ProviderEventReader(format).read(in, event -> {
                batch.add(event);
                if (batch.size() == BATCH) {
                    apply(batch, counter);
                }
            }, counter::reject, progress::isCancelled, (bytes, events) -> progress.update(bytes, size));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!read.cancelled()) {
            apply(batch, counter);
        }
        if (read.truncated()) {
            counter.problems.add("The rest of the file after the last error could not be read.");
        }
        IngestSummary summary = new IngestSummary(counter.imported, counter.updated, counter.duplicates,
                counter.rejected, read.skipped(), List.copyOf(counter.problems), read.cancelled());
        jdbi.useTransaction(h -> audit.record(h, user.username(), "IMPORT_EVENTS",
                format.name().toLowerCase(Locale.ROOT) + " events from " + file.getFileName(), null,
                Map.of("imported", summary.imported(), "matched", summary.updated(),
                        "duplicates", summary.duplicates(), "rejected", summary.rejected(),
                        "cancelled", summary.cancelled())));
        return summary;
    }

    private void apply(List<ProviderEvent> batch, Counter counter) {
        if (batch.isEmpty()) {
            return;
        }
        List<DeliveryObservation> observations = new ArrayList<>(batch.size());
        for (ProviderEvent e : batch) {
            observations.add(observation(e));
        }
        List<ObservationIngest.Outcome> outcomes = jdbi.inTransaction(h -> ingest.applyAll(h, observations));
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
        batch.clear();
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
