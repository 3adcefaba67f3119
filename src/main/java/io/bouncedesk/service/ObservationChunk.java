package io.bouncedesk.service;

import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.DeliveryRun;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.service.ObservationIngest.Outcome;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One list of observations applied together. The keys of the whole list are checked and recorded
 * first. Then each run of consecutive deliveries, opens and clicks is written set-based
 * ({@link DeliveryRun}); the other kinds, where the address and contact rules apply, go one by
 * one through {@link ObservationIngest#applyRecorded}, after the run before them.
 */
final class ObservationChunk {

    private final ObservationIngest owner;
    private final Handle h;
    private final List<ObservationIngest.Prepared> list;

    ObservationChunk(ObservationIngest owner, Handle h, List<ObservationIngest.Prepared> list) {
        this.owner = owner;
        this.h = h;
        this.list = list;
    }

    List<Outcome> run() {
        int n = list.size();
        Outcome[] out = new Outcome[n];
        boolean[] fresh = record(out);
        try (DeliveryRun run = owner.recipients.deliveryRun(h)) {
            for (int i = 0; i < n; i++) {
                if (!fresh[i]) {
                    continue;
                }
                ObservationIngest.Prepared p = list.get(i);
                DeliveryObservation o = p.observation();
                Optional<DeliveryRun.Kind> kind = ObservationIngest.runKind(o.kind());
                if (o.kind() == DeliveryObservation.Kind.AUTO_REPLY) {
                    out[i] = Outcome.IGNORED;
                } else if (kind.isPresent()) {
                    add(run, i, kind.get(), p);
                } else {
                    apply(run, out);
                    out[i] = owner.applyRecorded(h, o).outcome();
                }
            }
            apply(run, out);
        }
        return List.of(out);
    }

    private static void add(DeliveryRun run, int seq, DeliveryRun.Kind kind, ObservationIngest.Prepared p) {
        DeliveryObservation o = p.observation();
        TrackingIds.Ref ref = p.ref().orElse(null);
        run.add(seq, kind, ref == null ? null : ref.recipientId(), ref == null ? null : ref.emailId(),
                ObservationIngest.storedMessageId(o), o.recipient(), p.address().key(), o.at(), o.smtpStatus(),
                o.replyCode(), o.diagnostic(), o.remoteMta());
    }

    /** Writes the run so far; as apply, an observation with neither recipient nor known address is ignored. */
    private static void apply(DeliveryRun run, Outcome[] out) {
        for (DeliveryRun.Match m : run.apply(ObservationIngest.DELIVERABLE)) {
            out[m.seq()] = m.recipientId() != null ? Outcome.MATCHED
                    : m.addressId() != null ? Outcome.ADDRESS_ONLY : Outcome.IGNORED;
        }
    }

    /** Checks and records the keys; fresh[i] is false for a duplicate (earlier import or earlier in the list). */
    private boolean[] record(Outcome[] out) {
        Set<String> keys = new HashSet<>(list.size() * 4 / 3 + 16);
        for (ObservationIngest.Prepared p : list) {
            keys.add(p.observation().key());
        }
        // Once the driver has shown it reports which inserts did nothing, the insert alone
        // tells the duplicates; until then (and for drivers that do not) they are read first.
        Set<String> before = owner.countsReported ? Set.of() : owner.ingest.ingested(h, keys);
        Set<String> seen = new HashSet<>(keys.size() * 4 / 3 + 16);
        List<IngestDao.Key> toMark = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        java.time.Instant now = owner.clock.instant();
        for (int i = 0; i < list.size(); i++) {
            DeliveryObservation o = list.get(i).observation();
            if (before.contains(o.key()) || !seen.add(o.key())) {
                out[i] = Outcome.DUPLICATE;
            } else {
                toMark.add(new IngestDao.Key(o.key(), o.source(), now));
                index.add(i);
            }
        }
        int[] counts = owner.ingest.markIngested(h, toMark);
        boolean[] inserted = new boolean[counts.length];
        boolean known = true;
        for (int j = 0; j < counts.length; j++) {
            inserted[j] = counts[j] != 0;
            known &= counts[j] >= 0;
        }
        if (!owner.countsReported && known && counts.length > 0) {
            owner.countsReported = true;
        } else if (!known && owner.countsReported) {
            throw new IllegalStateException("The database driver stopped reporting update counts");
        }
        boolean[] fresh = new boolean[list.size()];
        for (int j = 0; j < inserted.length; j++) {
            int i = index.get(j);
            if (inserted[j]) {
                fresh[i] = true;
            } else {
                out[i] = Outcome.DUPLICATE; // recorded by another import meanwhile
            }
        }
        return fresh;
    }
}
