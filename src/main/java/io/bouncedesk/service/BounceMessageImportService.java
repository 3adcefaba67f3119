package io.bouncedesk.service;

import io.bouncedesk.bounce.BounceMessageParser;
import io.bouncedesk.bounce.MalformedBounceException;
import io.bouncedesk.bounce.MessageSource;
import io.bouncedesk.bounce.ParsedBounce;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.IngestDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports bounce messages from files, folders and mbox files (and, through {@link #importMessage},
 * from a mailbox): each failed recipient is recorded against its marketing email's recipient or
 * its address under the same rules as any bounce, with the original message kept compressed.
 * A broken message is reported and the others go on; the same message imported twice is
 * recorded once.
 */
public final class BounceMessageImportService {

    private static final int MAX_PROBLEMS = 1_000;

    /** What one message led to. */
    public enum MessageOutcome { RECORDED, DUPLICATE, NOT_A_BOUNCE, BROKEN }

    private final Jdbi jdbi;
    private final BounceMessageParser parser;
    private final ObservationIngest ingest;
    private final IngestDao store;
    private final AuditLogger audit;
    private final Clock clock;

    public BounceMessageImportService(Jdbi jdbi, BounceMessageParser parser, ObservationIngest ingest, IngestDao store,
                                      AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.parser = parser;
        this.ingest = ingest;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public IngestSummary importPaths(User user, List<Path> paths, Progress progress) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        List<MessageSource> sources = new ArrayList<>();
        for (Path p : paths) {
            try {
                sources.add(MessageSource.of(p));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        long[] counts = new long[6];
        List<String> problems = new ArrayList<>();
        boolean cancelled = false;
        long done = 0;
        outer:
        for (MessageSource source : sources) {
            for (MessageSource.Entry entry : source) {
                if (progress.isCancelled()) {
                    cancelled = true;
                    break outer;
                }
                Result r = importMessage(entry.source() + (entry.index() > 0 ? " #" + (entry.index() + 1) : ""), entry.raw());
                switch (r.outcome()) {
                    case RECORDED -> {
                        counts[0] += r.recorded();
                        counts[1] += r.matched();
                    }
                    case DUPLICATE -> counts[2]++;
                    case NOT_A_BOUNCE -> counts[4]++;
                    case BROKEN -> {
                        counts[3]++;
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(r.problem());
                        }
                    }
                }
                progress.update(++done, -1);
            }
        }
        IngestSummary summary = new IngestSummary(counts[0], counts[1], counts[2], counts[3], counts[4],
                List.copyOf(problems), cancelled);
        jdbi.useTransaction(h -> audit.record(h, user.username(), "IMPORT_BOUNCES",
                AuditSubject.bounceMessages(paths.stream().map(p -> String.valueOf(p.getFileName())).toList()),
                null, AuditLogger.fields("recorded", summary.imported(), "matched", summary.updated(),
                        "duplicates", summary.duplicates(), "broken", summary.rejected(),
                        "notBounces", summary.skipped())));
        return summary;
    }

    /** The outcome of one message, with how many recipients it recorded and matched. */
    public record Result(MessageOutcome outcome, int recorded, int matched, String problem) {
    }

    /** Parses and records one raw message in its own transaction. */
    public Result importMessage(String name, byte[] raw) {
        List<ParsedBounce> bounces;
        try {
            bounces = parser.parse(raw);
        } catch (MalformedBounceException e) {
            return new Result(MessageOutcome.BROKEN, 0, 0, name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(MessageOutcome.BROKEN, 0, 0, name + ": cannot be read (" + e + ")");
        }
        if (bounces.isEmpty()) {
            return new Result(MessageOutcome.NOT_A_BOUNCE, 0, 0, null);
        }
        String sha = StoredMessages.sha256(raw);
        return jdbi.inTransaction(h -> record(h, name, raw, sha, bounces));
    }

    private Result record(Handle h, String name, byte[] raw, String sha, List<ParsedBounce> bounces) {
        Instant now = clock.instant();
        long messageId = -1;
        int recorded = 0;
        int matched = 0;
        for (int i = 0; i < bounces.size(); i++) {
            ParsedBounce b = bounces.get(i);
            ObservationIngest.Result r = ingest.apply(h, observation(b, sha, i, now));
            if (r.outcome() == ObservationIngest.Outcome.DUPLICATE) {
                continue;
            }
            recorded++;
            if (r.outcome() == ObservationIngest.Outcome.MATCHED) {
                matched++;
            }
            if (r.bounceId() != null) {
                if (messageId < 0) {
                    messageId = store.storeMessage(h, sha, name, now, raw.length, StoredMessages.compress(raw));
                }
                store.linkMessage(h, r.bounceId(), messageId, b.feedbackType());
            }
        }
        return recorded == 0 ? new Result(MessageOutcome.DUPLICATE, 0, 0, null)
                : new Result(MessageOutcome.RECORDED, recorded, matched, null);
    }

    static DeliveryObservation observation(ParsedBounce b, String sha, int index, Instant now) {
        DeliveryObservation.Kind kind = switch (b.reason()) {
            case FEEDBACK -> DeliveryObservation.Kind.SPAM_COMPLAINT;
            case VACATION -> DeliveryObservation.Kind.AUTO_REPLY;
            case DELIVERED -> DeliveryObservation.Kind.DELIVERED;
            default -> b.type() == BounceType.HARD ? DeliveryObservation.Kind.HARD_BOUNCE
                    : DeliveryObservation.Kind.SOFT_BOUNCE;
        };
        return new DeliveryObservation("dsn:" + sha + ":" + index, "dsn", kind, b.recipient(),
                b.date() != null ? b.date() : now, b.reason(), b.type(), b.enhancedStatus(), b.replyCode(),
                b.diagnostic(), b.remoteMta(), b.originalMessageId(), b.trackingToken(), b.verpAddress(),
                b.feedbackType());
    }

    /** The original message a bounce was read from, if it was kept. */
    public java.util.Optional<byte[]> original(long bounceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.content, m.size FROM bounce b JOIN bounce_message m"
                        + " ON m.id = b.bounce_message_id WHERE b.id = :b").bind("b", bounceId)
                .map((rs, ctx) -> StoredMessages.decompress(rs.getBytes("content"), rs.getInt("size"))).findOne());
    }
}
