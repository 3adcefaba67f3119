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
        if (failures < policy.consecutiveLimit()) {
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

    /**
     * {@link #recordDelivery} into a batch of address updates (the caller flushes it before
     * reading addresses); returns the address's count after the delivery.
     */
    public int recordDelivery(BatchWriter<AddressDao.SoftFailures> batch, long addressId, int knownFailures) {
        if (resetsOnDelivery(knownFailures)) {
            batch.add(new AddressDao.SoftFailures(addressId, 0, null));
            return 0;
        }
        return knownFailures;
    }

    private static boolean resetsOnDelivery(int knownFailures) {
        return knownFailures > 0;
    }
}
