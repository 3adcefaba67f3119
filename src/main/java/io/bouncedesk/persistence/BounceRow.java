package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;

import java.time.Instant;

/** One recorded bounce of an address; unbounced ones stay in the history, marked. */
public record BounceRow(long id, long addressId, String address, Long emailId, String emailName, Long recipientId,
                        BounceType type, BounceReason reason, BounceCategory category, String smtpStatus,
                        String replyCode, String diagnostic, String remoteMta, String source,
                        boolean convertedFromSoft, Instant occurredAt, Instant unbouncedAt, String unbouncedBy,
                        Long bounceMessageId, String feedbackType, String reclassifiedBy, Instant reclassifiedAt,
                        String reclassifyComment) {

    /** Whether the original bounce message was kept and can be shown. */
    public boolean hasOriginal() {
        return bounceMessageId != null;
    }
}
