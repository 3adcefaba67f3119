package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BatchWriter;
import io.bouncedesk.persistence.DeliveryWriter;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one observation from outside (a provider event, a bounce message's recipient) with the
 * same rules as the send: a hard bounce suppresses the address, soft bounces count toward the
 * consecutive limit, a delivery resets it, complaints and unsubscribes change the contact. The
 * observation is matched to its recipient by tracking header, VERP address or Message-ID, else
 * recorded against the address alone. Each observation's key is recorded, so a second import
 * of the same thing changes nothing.
 */
public final class ObservationIngest {

    /** What became of one observation. */
    public enum Outcome { MATCHED, ADDRESS_ONLY, DUPLICATE, IGNORED }

    /** The outcome and the bounce row written, if any (to link a stored original message). */
    public record Result(Outcome outcome, Long bounceId) {
    }

    private final AddressDao addresses;
    private final ContactDao contacts;
    private final RecipientDao recipients;
    private final IngestDao ingest;
    private final BounceRecorder recorder;
    private final EngagementService engagement;
    private final ContactStatusUpdater statuses;
    private final Clock clock;

    public ObservationIngest(AddressDao addresses, ContactDao contacts, RecipientDao recipients, IngestDao ingest,
                             BounceRecorder recorder, EngagementService engagement, ContactStatusUpdater statuses,
                             Clock clock) {
        this.addresses = addresses;
        this.contacts = contacts;
        this.recipients = recipients;
        this.ingest = ingest;
        this.recorder = recorder;
        this.engagement = engagement;
        this.statuses = statuses;
        this.clock = clock;
    }

    public Result apply(Handle h, DeliveryObservation o) {
        if (!ingest.markIngested(h, o.key(), o.source(), clock.instant())) {
            return new Result(Outcome.DUPLICATE, null);
        }
        return applyRecorded(h, o);
    }

    /**
     * Applies many observations in their order, with the same result as {@link #apply} one by one
     * in the same transaction: the keys are checked and recorded for the whole list at once, the
     * recipients and addresses read in a few queries, and deliveries, opens and clicks written as
     * batches. Bounces, drops, complaints and unsubscribes (where the address and contact rules
     * apply) go through {@link #apply}'s own path one by one, after the batched writes before them.
     */
    /** Whether the driver's batch update counts have been seen to tell which keys were new. */
    private volatile boolean countsReported;

    public List<Outcome> applyAll(Handle h, List<DeliveryObservation> observations) {
        return new Chunk(h, observations).run();
    }

    private Result applyRecorded(Handle h, DeliveryObservation o) {
        if (o.kind() == DeliveryObservation.Kind.AUTO_REPLY) {
            return new Result(Outcome.IGNORED, null);
        }
        EmailAddress address = EmailAddress.of(o.recipient());
        Optional<RecipientRow> recipient = match(h, o, address);
        Optional<AddressRow> known = recipient.isPresent()
                ? addresses.find(h, recipient.get().addressId()) : addresses.findByKey(h, address.key());
        if (known.isEmpty() && !isBounce(o)) {
            // an open or a delivery of an address this workspace never had: nothing to attach it to
            return new Result(Outcome.IGNORED, null);
        }
        long addressId = known.map(AddressRow::id).orElseGet(() -> addresses.getOrCreate(h, address));
        int failures = known.map(AddressRow::softFailures).orElse(0);
        Long emailId = recipient.map(RecipientRow::emailId).orElse(null);
        Long recipientId = recipient.map(RecipientRow::id).orElse(null);
        BounceRecorder.Failure failure = new BounceRecorder.Failure(
                o.reason() == null ? BounceReason.UNDEFINED : o.reason(),
                o.bounceType() == null ? BounceType.SOFT : o.bounceType(), o.smtpStatus(), o.replyCode(),
                o.diagnostic(), o.remoteMta(), o.at(), o.source().toUpperCase(java.util.Locale.ROOT));
        Long bounceId = null;
        switch (o.kind()) {
            case DELIVERED -> {
                recorder.recordDelivery(h, addressId, failures);
                recipient.filter(r -> r.outcome() == RecipientOutcome.PENDING || r.outcome() == RecipientOutcome.DELIVERED)
                        .ifPresent(r -> recipients.updateDelivery(h, withOutcome(r, RecipientOutcome.DELIVERED, null, o)));
            }
            case HARD_BOUNCE -> {
                bounceId = recorder.recordHard(h, addressId, emailId, recipientId, failure);
                recipient.ifPresent(r -> recipients.updateDelivery(h, withOutcome(r, RecipientOutcome.BOUNCED, BounceType.HARD, o)));
            }
            case SOFT_BOUNCE, DEFERRED -> {
                BounceRecorder.SoftResult soft = recorder.recordSoftFailure(h, addressId, emailId, recipientId, failure);
                bounceId = soft.converted() ? soft.convertedBounceId()
                        : recorder.recordSoftHistory(h, addressId, emailId, recipientId, failure);
                RecipientOutcome outcome = o.kind() == DeliveryObservation.Kind.DEFERRED && !soft.converted()
                        ? RecipientOutcome.PENDING : RecipientOutcome.BOUNCED;
                BounceType type = soft.converted() ? BounceType.HARD : BounceType.SOFT;
                recipient.filter(r -> r.outcome() != RecipientOutcome.BOUNCED || type == BounceType.HARD)
                        .ifPresent(r -> recipients.updateDelivery(h, withOutcome(r, outcome, type, o)));
            }
            case DROPPED -> {
                bounceId = recorder.recordSoftHistory(h, addressId, emailId, recipientId, failure);
                recipient.filter(r -> r.outcome() == RecipientOutcome.PENDING)
                        .ifPresent(r -> recipients.updateDelivery(h, withOutcome(r, RecipientOutcome.BOUNCED, BounceType.SOFT, o)));
            }
            case OPEN -> recipient.ifPresent(r -> engagement.record(h, r.id(), r.contactId(), RecipientDao.Engagement.OPENED, o.at()));
            case CLICK -> recipient.ifPresent(r -> engagement.record(h, r.id(), r.contactId(), RecipientDao.Engagement.CLICKED, o.at()));
            case SPAM_COMPLAINT -> changeContacts(h, recipient, addressId, RecipientDao.Engagement.SPAM, o);
            case UNSUBSCRIBE -> changeContacts(h, recipient, addressId, RecipientDao.Engagement.UNSUBSCRIBED, o);
            case AUTO_REPLY -> throw new IllegalStateException("handled above");
        }
        return new Result(recipient.isPresent() ? Outcome.MATCHED : Outcome.ADDRESS_ONLY, bounceId);
    }

    /** Kinds that only touch the recipient (and reset the address's soft count): batched. */
    private static boolean isBatched(DeliveryObservation.Kind kind) {
        return kind == DeliveryObservation.Kind.DELIVERED || kind == DeliveryObservation.Kind.OPEN
                || kind == DeliveryObservation.Kind.CLICK;
    }

    /** The reference an observation carries: tracking header, then VERP, then BounceDesk's Message-ID. */
    private static Optional<TrackingIds.Ref> ref(DeliveryObservation o) {
        return TrackingIds.fromToken(o.trackingToken())
                .or(() -> TrackingIds.fromVerp(o.verpAddress()))
                .or(() -> TrackingIds.fromMessageId(o.messageId()));
    }

    /** The Message-ID as stored on recipients (with angle brackets), or null. */
    private static String storedMessageId(DeliveryObservation o) {
        if (o.messageId() == null || o.messageId().isBlank()) {
            return null;
        }
        String id = o.messageId().strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    /**
     * One list of observations applied together. Reads go through caches filled by one query per
     * few hundred rows; the batched kinds keep the caches current as they write, and the rows an
     * observation of the one-by-one path may change are dropped from the caches (read again when
     * needed) after it.
     */
    private final class Chunk {
        private final Handle h;
        private final List<DeliveryObservation> list;
        private final Map<Long, Optional<RecipientRow>> recipientsById = new HashMap<>();
        private final Map<String, List<RecipientRow>> recipientsByMessageId = new HashMap<>();
        private final Map<Long, AddressRow> addressesById = new HashMap<>();
        private final Map<String, Optional<AddressRow>> addressesByKey = new HashMap<>();

        Chunk(Handle h, List<DeliveryObservation> list) {
            this.h = h;
            this.list = list;
        }

        List<Outcome> run() {
            int n = list.size();
            Outcome[] out = new Outcome[n];
            boolean[] fresh = record(out);
            EmailAddress[] address = new EmailAddress[n];
            Optional<TrackingIds.Ref>[] refs = prefetch(fresh, address);
            DeliveryWriter deliveries = recipients.deliveryWriter(h);
            BatchWriter<AddressDao.SoftFailures> resets = addresses.softFailureUpdates(h);
            EngagementService.Batch engaged = engagement.batch(h);
            try (deliveries; resets; engaged) {
                for (int i = 0; i < n; i++) {
                    if (!fresh[i]) {
                        continue;
                    }
                    DeliveryObservation o = list.get(i);
                    if (o.kind() == DeliveryObservation.Kind.AUTO_REPLY) {
                        out[i] = Outcome.IGNORED;
                    } else if (isBatched(o.kind())) {
                        out[i] = applyBatched(o, address[i], refs[i], deliveries, resets, engaged);
                    } else {
                        deliveries.flush();
                        resets.flush();
                        engaged.flush();
                        out[i] = applyRecorded(h, o).outcome();
                        forget(o, address[i], refs[i]);
                    }
                }
            }
            return List.of(out);
        }

        /** Checks and records the keys; fresh[i] is false for a duplicate (earlier import or earlier in the list). */
        private boolean[] record(Outcome[] out) {
            Set<String> keys = new HashSet<>();
            for (DeliveryObservation o : list) {
                keys.add(o.key());
            }
            // Once the driver has shown it reports which inserts did nothing, the insert alone
            // tells the duplicates; until then (and for drivers that do not) they are read first.
            Set<String> before = countsReported ? Set.of() : ingest.ingested(h, keys);
            Set<String> seen = new HashSet<>();
            List<IngestDao.Key> toMark = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            java.time.Instant now = clock.instant();
            for (int i = 0; i < list.size(); i++) {
                DeliveryObservation o = list.get(i);
                if (before.contains(o.key()) || !seen.add(o.key())) {
                    out[i] = Outcome.DUPLICATE;
                } else {
                    toMark.add(new IngestDao.Key(o.key(), o.source(), now));
                    index.add(i);
                }
            }
            int[] counts = ingest.markIngested(h, toMark);
            boolean[] inserted = new boolean[counts.length];
            boolean known = true;
            for (int j = 0; j < counts.length; j++) {
                inserted[j] = counts[j] != 0;
                known &= counts[j] >= 0;
            }
            if (!countsReported && known && counts.length > 0) {
                countsReported = true;
            } else if (!known && countsReported) {
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

        /** Reads the recipients and addresses the list refers to, a few queries in all. */
        @SuppressWarnings("unchecked")
        private Optional<TrackingIds.Ref>[] prefetch(boolean[] fresh, EmailAddress[] address) {
            int n = list.size();
            Optional<TrackingIds.Ref>[] refs = new Optional[n];
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                DeliveryObservation o = list.get(i);
                if (fresh[i] && o.kind() != DeliveryObservation.Kind.AUTO_REPLY) {
                    address[i] = EmailAddress.of(o.recipient());
                    refs[i] = ref(o);
                    refs[i].ifPresent(r -> ids.add(r.recipientId()));
                }
            }
            Map<Long, RecipientRow> found = recipients.findAll(h, ids);
            for (long id : ids) {
                recipientsById.put(id, Optional.ofNullable(found.get(id)));
            }
            Set<String> messageIds = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (refs[i] != null && byRef(refs[i]).isEmpty()) {
                    String mid = storedMessageId(list.get(i));
                    if (mid != null) {
                        messageIds.add(mid);
                    }
                }
            }
            for (String mid : messageIds) {
                recipientsByMessageId.put(mid, new ArrayList<>());
            }
            for (RecipientRow r : recipients.findByMessageIds(h, messageIds)) {
                recipientsByMessageId.get(r.messageId()).add(r);
            }
            Set<Long> addressIds = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (refs[i] != null) {
                    Optional<RecipientRow> r = match(list.get(i), address[i], refs[i]);
                    if (r.isPresent()) {
                        addressIds.add(r.get().addressId());
                    } else {
                        keys.add(address[i].key());
                    }
                }
            }
            addresses.findAll(h, addressIds).values().forEach(this::remember);
            Map<String, AddressRow> byKey = addresses.findByKeys(h, keys);
            for (String k : keys) {
                AddressRow a = byKey.get(k);
                if (a == null) {
                    addressesByKey.put(k, Optional.empty());
                } else {
                    remember(a);
                }
            }
            return refs;
        }

        private Optional<RecipientRow> byRef(Optional<TrackingIds.Ref> ref) {
            return ref.flatMap(r -> recipient(r.recipientId()).filter(row -> row.emailId() == r.emailId()));
        }

        /** As {@link ObservationIngest#match}, from the caches. */
        private Optional<RecipientRow> match(DeliveryObservation o, EmailAddress address, Optional<TrackingIds.Ref> ref) {
            Optional<RecipientRow> found = byRef(ref);
            if (found.isEmpty()) {
                String mid = storedMessageId(o);
                if (mid != null) {
                    List<RecipientRow> rows = recipientsByMessageId.computeIfAbsent(mid,
                            m -> recipients.findByMessageId(h, m).map(r -> new ArrayList<>(List.of(r)))
                                    .orElseGet(ArrayList::new));
                    if (rows.size() > 1) {
                        throw new IllegalStateException("Several recipients have Message-ID " + mid);
                    }
                    // the cached row may be older than the one by id: prefer the current one
                    found = rows.isEmpty() ? Optional.empty() : recipient(rows.get(0).id());
                }
            }
            return found.filter(r -> EmailAddress.keyOf(r.address()).equals(address.key()));
        }

        private Optional<RecipientRow> recipient(long id) {
            return recipientsById.computeIfAbsent(id, i -> recipients.find(h, i));
        }

        private AddressRow addressById(long id) {
            AddressRow a = addressesById.get(id);
            if (a == null) {
                a = addresses.find(h, id).orElseThrow();
                remember(a);
            }
            return a;
        }

        private Optional<AddressRow> addressByKey(String key) {
            Optional<AddressRow> a = addressesByKey.get(key);
            if (a == null) {
                a = addresses.findByKey(h, key);
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
                    int after = recorder.recordDelivery(resets, a.id(), a.softFailures());
                    if (after != a.softFailures()) {
                        remember(new AddressRow(a.id(), a.address(), a.key(), a.domain(), a.valid(), a.hardBounceId(),
                                a.globalBounced(), after, null));
                    }
                    if (recipient.isPresent() && (recipient.get().outcome() == RecipientOutcome.PENDING
                            || recipient.get().outcome() == RecipientOutcome.DELIVERED)) {
                        RecipientRow row = withOutcome(recipient.get(), RecipientOutcome.DELIVERED, null, o);
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

    private static boolean isBounce(DeliveryObservation o) {
        return switch (o.kind()) {
            case HARD_BOUNCE, SOFT_BOUNCE, DEFERRED, DROPPED, SPAM_COMPLAINT, UNSUBSCRIBE -> true;
            default -> false;
        };
    }

    /** A complaint or unsubscribe changes every contact that has the address now. */
    private void changeContacts(Handle h, Optional<RecipientRow> recipient, long addressId,
                                RecipientDao.Engagement kind, DeliveryObservation o) {
        if (recipient.isPresent()) {
            engagement.record(h, recipient.get().id(), recipient.get().contactId(), kind, o.at());
        }
        for (ContactRow c : contacts.findByAddressId(h, addressId)) {
            if (recipient.isPresent() && recipient.get().contactId() == c.id()) {
                continue;
            }
            if (kind == RecipientDao.Engagement.SPAM) {
                contacts.markSpamComplaint(h, c.id(), o.at());
            } else {
                contacts.markUnsubscribed(h, c.id(), o.at());
            }
            statuses.refresh(h, c.id());
        }
    }

    /** The recipient the observation is about: tracking header, then VERP, then Message-ID; the address must agree. */
    private Optional<RecipientRow> match(Handle h, DeliveryObservation o, EmailAddress address) {
        Optional<TrackingIds.Ref> ref = ref(o);
        Optional<RecipientRow> found = ref.flatMap(r -> recipients.find(h, r.recipientId())
                .filter(row -> row.emailId() == r.emailId()));
        if (found.isEmpty() && o.messageId() != null && !o.messageId().isBlank()) {
            String id = o.messageId().strip();
            found = recipients.findByMessageId(h, id.startsWith("<") ? id : "<" + id + ">");
        }
        return found.filter(r -> EmailAddress.keyOf(r.address()).equals(address.key()));
    }

    private static RecipientRow withOutcome(RecipientRow r, RecipientOutcome outcome, BounceType type, DeliveryObservation o) {
        boolean delivered = outcome == RecipientOutcome.DELIVERED;
        BounceReason reason = delivered ? null : o.reason();
        return new RecipientRow(r.id(), r.emailId(), r.contactId(), r.addressId(), r.address(), r.name(), outcome,
                null, null, type, reason, reason == null ? null : reason.category(), o.smtpStatus(), o.replyCode(),
                o.diagnostic(), o.remoteMta(), r.messageId(), r.attempts(), r.attemptBudget(),
                outcome == RecipientOutcome.PENDING ? r.nextRetryAt() : null, o.at(),
                delivered ? o.at() : r.deliveredAt(), outcome == RecipientOutcome.BOUNCED ? o.at() : r.bouncedAt(),
                r.openedAt(), r.clickedAt(), r.unsubscribedAt(), r.spamAt());
    }
}
