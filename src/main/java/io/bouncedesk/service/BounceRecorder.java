package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BatchWriter;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.NewBounce;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * Applies the bounce rules to an address, whatever the bounce came from (the send, a bounce
 * message, a provider event): a hard bounce suppresses the address; each soft failure counts
 * toward the consecutive limit and the last one converts the address to hard-bounced; a delivery
 * resets the count (domain rules, sections 4 and 5). Runs inside the caller's transaction.
 */
public final class BounceRecorder {

    /** A failed delivery as observed. */
    public record Failure(BounceReason reason, BounceType type, String smtpStatus, String replyCode,
                          String diagnostic, String remoteMta, Instant at, String source) {
    }

    /** What a soft failure did to the address. */
    public record SoftResult(int consecutiveFailures, Long convertedBounceId) {
        public boolean converted() {
            return convertedBounceId != null;
        }
    }

    private final AddressDao addresses;
    private final BounceDao bounces;
    private final ContactStatusUpdater statuses;
    private final SoftBouncePolicy policy;

    public BounceRecorder(AddressDao addresses, BounceDao bounces, ContactStatusUpdater statuses, SoftBouncePolicy policy) {
        this.addresses = addresses;
        this.bounces = bounces;
        this.statuses = statuses;
        this.policy = policy;
    }

    public SoftBouncePolicy policy() {
        return policy;
    }

    /** Records a hard bounce and suppresses the address; returns the bounce's id. */
    public long recordHard(Handle h, long addressId, Long emailId, Long recipientId, Failure f) {
        long id = bounces.insert(h, new NewBounce(addressId, emailId, recipientId, BounceType.HARD, f.reason(),
                f.smtpStatus(), f.replyCode(), f.diagnostic(), f.remoteMta(), f.source(), false, f.at()));
        addresses.setHardBounce(h, addressId, id);
        statuses.refreshForAddress(h, addressId);
        return id;
    }

    /** Records a soft bounce as history without counting an attempt (the final soft outcome of a recipient). */
    public long recordSoftHistory(Handle h, long addressId, Long emailId, Long recipientId, Failure f) {
        return bounces.insert(h, new NewBounce(addressId, emailId, recipientId, BounceType.SOFT, f.reason(),
                f.smtpStatus(), f.replyCode(), f.diagnostic(), f.remoteMta(), f.source(), false, f.at()));
    }

    /**
     * Counts one failed soft attempt. On reaching the limit the address becomes hard-bounced with
     * the last soft reason and reply, marked as converted from soft.
     */
    public SoftResult recordSoftFailure(Handle h, long addressId, Long emailId, Long recipientId, Failure f) {
        AddressRow address = addresses.find(h, addressId).orElseThrow();
        if (address.hardBounced()) {
            return new SoftResult(address.softFailures(), null);
        }
        int failures = address.softFailures() + 1;
        if (!reachesLimit(failures)) {
            addresses.setSoftFailures(h, addressId, failures, f.reason().code());
            return new SoftResult(failures, null);
        }
        // the conversion itself is the converted_from_soft flag, shown in each user's language
        long id = bounces.insert(h, new NewBounce(addressId, emailId, recipientId, BounceType.HARD, f.reason(),
                f.smtpStatus(), f.replyCode(), f.diagnostic(), f.remoteMta(), "SOFT_LIMIT", true, f.at()));
        addresses.setHardBounce(h, addressId, id);
        statuses.refreshForAddress(h, addressId);
        return new SoftResult(failures, id);
    }

    /** A successful delivery resets the consecutive soft count. */
    public void recordDelivery(Handle h, long addressId, int knownFailures) {
        if (resetsOnDelivery(knownFailures)) {
            addresses.setSoftFailures(h, addressId, 0, null);
        }
    }

    private static boolean resetsOnDelivery(int knownFailures) {
        return knownFailures > 0;
    }

    private boolean reachesLimit(int consecutiveFailures) {
        return consecutiveFailures >= policy.consecutiveLimit();
    }

    private NewBounce hardBounce(long addressId, Long emailId, Long recipientId, Failure f) {
        return new NewBounce(addressId, emailId, recipientId, BounceType.HARD, f.reason(), f.smtpStatus(),
                f.replyCode(), f.diagnostic(), f.remoteMta(), f.source(), false, f.at());
    }

    private NewBounce softHistory(long addressId, Long emailId, Long recipientId, Failure f) {
        return new NewBounce(addressId, emailId, recipientId, BounceType.SOFT, f.reason(), f.smtpStatus(),
                f.replyCode(), f.diagnostic(), f.remoteMta(), f.source(), false, f.at());
    }

    private NewBounce conversion(long addressId, Long emailId, Long recipientId, Failure f) {
        return new NewBounce(addressId, emailId, recipientId, BounceType.HARD, f.reason(), f.smtpStatus(),
                f.replyCode(), f.diagnostic(), f.remoteMta(), "SOFT_LIMIT", true, f.at());
    }

    /**
     * The same rules for many bounces and deliveries of one transaction, written together: each
     * call is recorded in order, and {@link Batch#flush()} (or close) reads the addresses involved
     * in one query, applies the calls to them in that order exactly as the one-by-one methods do,
     * then writes the bounces, the addresses' final bounce state and the changed contact statuses.
     * For callers that know nothing reads these addresses until the flush (a send's chunk).
     */
    public Batch batch(Handle h) {
        return new Batch(h);
    }

    /** See {@link #batch(Handle)}. */
    public final class Batch implements AutoCloseable {
        private enum Kind { HARD, SOFT, SOFT_HISTORY, DELIVERY }

        private record Op(Kind kind, long addressId, Long emailId, Long recipientId, Failure failure, int knownFailures) {
        }

        private final Handle h;
        private final java.util.List<Op> ops = new java.util.ArrayList<>();

        private Batch(Handle h) {
            this.h = h;
        }

        public void recordHard(long addressId, Long emailId, Long recipientId, Failure f) {
            ops.add(new Op(Kind.HARD, addressId, emailId, recipientId, f, 0));
        }

        public void recordSoftFailure(long addressId, Long emailId, Long recipientId, Failure f) {
            ops.add(new Op(Kind.SOFT, addressId, emailId, recipientId, f, 0));
        }

        public void recordSoftHistory(long addressId, Long emailId, Long recipientId, Failure f) {
            ops.add(new Op(Kind.SOFT_HISTORY, addressId, emailId, recipientId, f, 0));
        }

        public void recordDelivery(long addressId, int knownFailures) {
            if (resetsOnDelivery(knownFailures)) {
                ops.add(new Op(Kind.DELIVERY, addressId, null, null, null, knownFailures));
            }
        }

        public void flush() {
            if (ops.isEmpty()) {
                return;
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (Op op : ops) {
                ids.add(op.addressId());
            }
            java.util.Map<Long, AddressRow> state = addresses.findAll(h, ids);
            java.util.Map<Long, AddressRow> changed = new java.util.LinkedHashMap<>();
            java.util.Set<Long> suppressed = new java.util.LinkedHashSet<>();
            try (BounceDao.Inserter inserter = bounces.inserter(h)) {
                for (Op op : ops) {
                    AddressRow a = state.get(op.addressId());
                    if (a == null) {
                        throw new IllegalStateException("No address " + op.addressId());
                    }
                    AddressRow next = switch (op.kind()) {
                        case HARD -> {
                            long id = inserter.insert(hardBounce(op.addressId(), op.emailId(), op.recipientId(), op.failure()));
                            suppressed.add(a.id());
                            yield withState(a, id, 0, a.lastSoftReason());
                        }
                        case SOFT -> {
                            if (a.hardBounced()) {
                                yield a;
                            }
                            int failures = a.softFailures() + 1;
                            if (!reachesLimit(failures)) {
                                yield withState(a, null, failures, op.failure().reason().code());
                            }
                            long id = inserter.insert(conversion(op.addressId(), op.emailId(), op.recipientId(), op.failure()));
                            suppressed.add(a.id());
                            yield withState(a, id, 0, a.lastSoftReason());
                        }
                        case SOFT_HISTORY -> {
                            inserter.insert(softHistory(op.addressId(), op.emailId(), op.recipientId(), op.failure()));
                            yield a;
                        }
                        case DELIVERY -> withState(a, a.hardBounceId(), 0, null);
                    };
                    if (next != a) {
                        state.put(a.id(), next);
                        changed.put(a.id(), next);
                    }
                }
            }
            ops.clear();
            try (BatchWriter<AddressRow> updates = addresses.bounceStateUpdates(h)) {
                changed.values().forEach(updates::add);
            }
            statuses.refreshForAddresses(h, suppressed);
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** The address with a new bounce state; a hard bounce keeps the address's hard bounce id when given null. */
    private static AddressRow withState(AddressRow a, Long hardBounceId, int softFailures, String lastSoftReason) {
        return new AddressRow(a.id(), a.address(), a.key(), a.domain(), a.valid(),
                hardBounceId != null ? hardBounceId : a.hardBounceId(), a.globalBounced(), softFailures, lastSoftReason);
    }
}
