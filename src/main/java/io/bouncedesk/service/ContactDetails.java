package io.bouncedesk.service;

import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientRow;

import java.util.List;
import java.util.Optional;

/**
 * Everything the contact record shows: the contact, its current hard bounce (with the email that
 * caused it), the global entry, whether it was unbounced before, whether the next send would
 * include it (and if not why), its bounce history and its email timeline.
 */
public record ContactDetails(ContactRow contact, Optional<BounceRow> hardBounce,
                             Optional<GlobalBounceDao.Entry> globalBounce, boolean unbouncedBefore,
                             Optional<NotSentReason> suppressedBecause, List<BounceRow> history,
                             List<TimelineEntry> timeline) {

    /** One marketing email in the contact's activity timeline. */
    public record TimelineEntry(long emailId, String emailName, RecipientRow recipient) {
    }

    public boolean eligible() {
        return suppressedBecause.isEmpty();
    }
}
