package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.DeliveryRun;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Applies one observation from outside (a provider event, a bounce message's recipient) with the
 * same rules as the send: a hard bounce suppresses the address, soft bounces count toward the
 * consecutive limit, a delivery resets it, complaints and unsubscribes change the contact. The
 * observation is matched to its recipient by tracking header, VERP address or Message-ID, else
 * recorded against the address alone. Each observation's key is recorded, so a second import
 * of the same thing changes nothing.
 */
public final class ObservationIngest {

    /** The outcomes a delivery report moves to DELIVERED; a bounced or unsent recipient stays as it is. */
    static final java.util.Set<RecipientOutcome> DELIVERABLE =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(RecipientOutcome.PENDING, RecipientOutcome.DELIVERED));

    /** What became of one observation. */
    public enum Outcome { MATCHED, ADDRESS_ONLY, DUPLICATE, IGNORED }

    /** The outcome and the bounce row written, if any (to link a stored original message). */
    public record Result(Outcome outcome, Long bounceId) {
    }

    final AddressDao addresses;
    final ContactDao contacts;
    final RecipientDao recipients;
    final IngestDao ingest;
    final BounceRecorder recorder;
    final EngagementService engagement;
    final ContactStatusUpdater statuses;
    final Clock clock;
    /** Whether the driver's batch update counts have been seen to tell which keys were new. */
    volatile boolean countsReported;

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
     * in the same transaction: the keys are checked and recorded for the whole list at once, and
     * each run of consecutive deliveries, opens and clicks is matched and written by a few
     * set-based statements ({@link io.bouncedesk.persistence.DeliveryRun}). Bounces, drops,
     * complaints and unsubscribes (where the address and contact rules apply) go through
     * {@link #apply}'s own path one by one, after the run before them.
     */
    public List<Outcome> applyAll(Handle h, List<DeliveryObservation> observations) {
        return applyPrepared(h, observations.stream().map(Prepared::of).toList());
    }

    /** {@link #applyAll} of observations prepared in advance (on a reading thread, say). */
    public List<Outcome> applyPrepared(Handle h, List<Prepared> observations) {
        return new ObservationChunk(this, h, observations).run();
    }

    Result applyRecorded(Handle h, DeliveryObservation o) {
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
                recipient.filter(r -> DELIVERABLE.contains(r.outcome()))
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

    /**
     * An observation with what matching it needs worked out beforehand, on any thread: its parsed
     * address and the reference it carries (both null for an auto-reply, which is ignored).
     */
    public record Prepared(DeliveryObservation observation, EmailAddress address, Optional<TrackingIds.Ref> ref) {

        public static Prepared of(DeliveryObservation o) {
            return o.kind() == DeliveryObservation.Kind.AUTO_REPLY ? new Prepared(o, null, null)
                    : new Prepared(o, EmailAddress.of(o.recipient()), ObservationIngest.ref(o));
        }
    }

    /**
     * The kinds that only touch the recipient (and reset the address's soft count), written a run
     * at a time ({@link io.bouncedesk.persistence.DeliveryRun}); empty for the kinds applied one by one.
     */
    static Optional<DeliveryRun.Kind> runKind(DeliveryObservation.Kind kind) {
        return switch (kind) {
            case DELIVERED -> Optional.of(DeliveryRun.Kind.DELIVERY);
            case OPEN -> Optional.of(DeliveryRun.Kind.OPEN);
            case CLICK -> Optional.of(DeliveryRun.Kind.CLICK);
            default -> Optional.empty();
        };
    }

    /** The reference an observation carries: tracking header, then VERP, then BounceDesk's Message-ID. */
    static Optional<TrackingIds.Ref> ref(DeliveryObservation o) {
        return TrackingIds.fromToken(o.trackingToken())
                .or(() -> TrackingIds.fromVerp(o.verpAddress()))
                .or(() -> TrackingIds.fromMessageId(o.messageId()));
    }

    /** The Message-ID as stored on recipients (with angle brackets), or null. */
    static String storedMessageId(DeliveryObservation o) {
        if (o.messageId() == null || o.messageId().isBlank()) {
            return null;
        }
        String id = o.messageId().strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }


    static boolean isBounce(DeliveryObservation o) {
        return switch (o.kind()) {
            case HARD_BOUNCE, SOFT_BOUNCE, DEFERRED, DROPPED, SPAM_COMPLAINT, UNSUBSCRIBE -> true;
            default -> false;
        };
    }

    /** A complaint or unsubscribe changes every contact that has the address now. */
    void changeContacts(Handle h, Optional<RecipientRow> recipient, long addressId,
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
    Optional<RecipientRow> match(Handle h, DeliveryObservation o, EmailAddress address) {
        Optional<TrackingIds.Ref> ref = ref(o);
        Optional<RecipientRow> found = ref.flatMap(r -> recipients.find(h, r.recipientId())
                .filter(row -> row.emailId() == r.emailId()));
        String messageId = storedMessageId(o);
        if (found.isEmpty() && messageId != null) {
            found = recipients.findByMessageId(h, messageId);
        }
        return found.filter(r -> sameAddress(r, o, address));
    }

    /** Whether the recipient's address is the observation's: the same text, else the same key. */
    static boolean sameAddress(RecipientRow r, DeliveryObservation o, EmailAddress address) {
        return r.address().equals(o.recipient()) || EmailAddress.keyOf(r.address()).equals(address.key());
    }

    static RecipientRow withOutcome(RecipientRow r, RecipientOutcome outcome, BounceType type, DeliveryObservation o) {
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
