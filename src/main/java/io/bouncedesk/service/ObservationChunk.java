package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BatchWriter;
import io.bouncedesk.persistence.DeliveryWriter;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.service.ObservationIngest.Outcome;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One list of observations applied together. Reads go through caches filled by one query per
 * few hundred rows; the batched kinds keep the caches current as they write, and the rows an
 * observation of the one-by-one path may change are dropped from the caches (read again when
 * needed) after it.
 */
final class ObservationChunk {

    private final ObservationIngest owner;
    private final Handle h;
    private final List<ObservationIngest.Prepared> list;
    private final Map<Long, Optional<RecipientRow>> recipientsById;
    private final Map<String, List<RecipientRow>> recipientsByMessageId = new HashMap<>();
    private final Map<Long, AddressRow> addressesById;
    private final Map<String, Optional<AddressRow>> addressesByKey;

    ObservationChunk(ObservationIngest owner, Handle h, List<ObservationIngest.Prepared> list) {
        this.owner = owner;
        this.h = h;
        this.list = list;
        int capacity = list.size() * 4 / 3 + 16; // about one recipient and one address per observation
        this.recipientsById = new HashMap<>(capacity);
        this.addressesById = new HashMap<>(capacity);
        this.addressesByKey = new HashMap<>(capacity);
    }

    List<Outcome> run() {
        int n = list.size();
        Outcome[] out = new Outcome[n];
        boolean[] fresh = record(out);
        prefetch(fresh);
        DeliveryWriter deliveries = owner.recipients.deliveryWriter(h);
        BatchWriter<AddressDao.SoftFailures> resets = owner.addresses.softFailureUpdates(h);
        EngagementService.Batch engaged = owner.engagement.batch(h);
        try (deliveries; resets; engaged) {
            for (int i = 0; i < n; i++) {
                if (!fresh[i]) {
                    continue;
                }
                ObservationIngest.Prepared p = list.get(i);
                DeliveryObservation o = p.observation();
                if (o.kind() == DeliveryObservation.Kind.AUTO_REPLY) {
                    out[i] = Outcome.IGNORED;
                } else if (ObservationIngest.isBatched(o.kind())) {
                    out[i] = applyBatched(o, p.address(), p.ref(), deliveries, resets, engaged);
                } else {
                    deliveries.flush();
                    resets.flush();
                    engaged.flush();
                    out[i] = owner.applyRecorded(h, o).outcome();
                    forget(o, p.address(), p.ref());
                }
            }
        }
        return List.of(out);
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

    /** Reads the recipients and addresses the list's fresh observations refer to, a few queries in all. */
    private void prefetch(boolean[] fresh) {
        int n = list.size();
        boolean[] wanted = new boolean[n];
        Set<Long> ids = new HashSet<>(n * 4 / 3 + 16);
        for (int i = 0; i < n; i++) {
            ObservationIngest.Prepared p = list.get(i);
            wanted[i] = fresh[i] && p.address() != null;
            if (wanted[i]) {
                p.ref().ifPresent(r -> ids.add(r.recipientId()));
            }
        }
        Map<Long, RecipientRow> found = owner.recipients.findAll(h, ids);
        for (long id : ids) {
            recipientsById.put(id, Optional.ofNullable(found.get(id)));
        }
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (wanted[i] && byRef(list.get(i).ref()).isEmpty()) {
                String mid = ObservationIngest.storedMessageId(list.get(i).observation());
                if (mid != null) {
                    messageIds.add(mid);
                }
            }
        }
        for (String mid : messageIds) {
            recipientsByMessageId.put(mid, new ArrayList<>());
        }
        for (RecipientRow r : owner.recipients.findByMessageIds(h, messageIds)) {
            recipientsByMessageId.get(r.messageId()).add(r);
        }
        Set<Long> addressIds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (wanted[i]) {
                ObservationIngest.Prepared p = list.get(i);
                Optional<RecipientRow> r = match(p.observation(), p.address(), p.ref());
                if (r.isPresent()) {
                    addressIds.add(r.get().addressId());
                } else {
                    keys.add(p.address().key());
                }
            }
        }
        owner.addresses.findAll(h, addressIds).values().forEach(this::remember);
        Map<String, AddressRow> byKey = owner.addresses.findByKeys(h, keys);
        for (String k : keys) {
            AddressRow a = byKey.get(k);
            if (a == null) {
                addressesByKey.put(k, Optional.empty());
            } else {
                remember(a);
            }
        }
    }

    private Optional<RecipientRow> byRef(Optional<TrackingIds.Ref> ref) {
        return ref.flatMap(r -> recipient(r.recipientId()).filter(row -> row.emailId() == r.emailId()));
    }

    /** As {@link ObservationIngest#match}, from the caches. */
    private Optional<RecipientRow> match(DeliveryObservation o, EmailAddress address, Optional<TrackingIds.Ref> ref) {
        Optional<RecipientRow> found = byRef(ref);
        if (found.isEmpty()) {
            String mid = ObservationIngest.storedMessageId(o);
            if (mid != null) {
                List<RecipientRow> rows = recipientsByMessageId.computeIfAbsent(mid,
                        m -> owner.recipients.findByMessageId(h, m).map(r -> new ArrayList<>(List.of(r)))
                                .orElseGet(ArrayList::new));
                if (rows.size() > 1) {
                    throw new IllegalStateException("Several recipients have Message-ID " + mid);
                }
                // the cached row may be older than the one by id: prefer the current one
                found = rows.isEmpty() ? Optional.empty() : recipient(rows.get(0).id());
            }
        }
        return found.filter(r -> ObservationIngest.sameAddress(r, o, address));
    }

    private Optional<RecipientRow> recipient(long id) {
        return recipientsById.computeIfAbsent(id, i -> owner.recipients.find(h, i));
    }

    private AddressRow addressById(long id) {
        AddressRow a = addressesById.get(id);
        if (a == null) {
            a = owner.addresses.find(h, id).orElseThrow();
            remember(a);
        }
        return a;
    }

    private Optional<AddressRow> addressByKey(String key) {
        Optional<AddressRow> a = addressesByKey.get(key);
        if (a == null) {
            a = owner.addresses.findByKey(h, key);
            if (a.isPresent()) {
                remember(a.get());
            } else {
                addressesByKey.put(key, a);
            }
        }
        return a;
    }

    private Outcome applyBatched(DeliveryObservation o, EmailAddress address, Optional<TrackingIds.Ref> ref,
                                 DeliveryWriter deliveries, BatchWriter<AddressDao.SoftFailures> resets,
                                 EngagementService.Batch engaged) {
        Optional<RecipientRow> recipient = match(o, address, ref);
        Optional<AddressRow> known = recipient.isPresent()
                ? Optional.of(addressById(recipient.get().addressId())) : addressByKey(address.key());
        if (known.isEmpty()) {
            return Outcome.IGNORED; // as apply: nothing to attach it to
        }
        AddressRow a = known.get();
        switch (o.kind()) {
            case DELIVERED -> {
                int after = owner.recorder.recordDelivery(resets, a.id(), a.softFailures());
                if (after != a.softFailures()) {
                    remember(new AddressRow(a.id(), a.address(), a.key(), a.domain(), a.valid(), a.hardBounceId(),
                            a.globalBounced(), after, null));
                }
                if (recipient.isPresent() && (recipient.get().outcome() == RecipientOutcome.PENDING
                        || recipient.get().outcome() == RecipientOutcome.DELIVERED)) {
                    RecipientRow row = ObservationIngest.withOutcome(recipient.get(), RecipientOutcome.DELIVERED, null, o);
                    deliveries.update(recipient.get(), row);
                    recipientsById.put(row.id(), Optional.of(row));
                }
            }
            case OPEN -> recipient.ifPresent(r -> engaged.record(r.id(), r.contactId(), RecipientDao.Engagement.OPENED, o.at()));
            case CLICK -> recipient.ifPresent(r -> engaged.record(r.id(), r.contactId(), RecipientDao.Engagement.CLICKED, o.at()));
            default -> throw new IllegalStateException("not a batched kind: " + o.kind());
        }
        return recipient.isPresent() ? Outcome.MATCHED : Outcome.ADDRESS_ONLY;
    }

    /** Caches an address under its id and its key (every cached address is in both maps). */
    private void remember(AddressRow a) {
        addressesById.put(a.id(), a);
        addressesByKey.put(a.key(), Optional.of(a));
    }

    /** After the one-by-one path: what it may have changed is read again when next needed. */
    private void forget(DeliveryObservation o, EmailAddress address, Optional<TrackingIds.Ref> ref) {
        if (address == null) {
            return;
        }
        Optional<RecipientRow> r = match(o, address, ref);
        r.ifPresent(row -> {
            recipientsById.remove(row.id());
            AddressRow a = addressesById.remove(row.addressId());
            if (a != null) {
                addressesByKey.remove(a.key());
            }
        });
        Optional<AddressRow> byKey = addressesByKey.remove(address.key());
        if (byKey != null) {
            byKey.ifPresent(a -> addressesById.remove(a.id()));
        }
    }
}
