package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;

/**
 * The criteria of a dynamic segment; null or false fields do not filter.
 *
 * @param receivingDomain   the domain of the contact's current address, e.g. "wp.pl"
 * @param bouncedOnEmailId  contacts whose address hard-bounced on this marketing email
 * @param source            the contact's source label, exactly
 */
public record SegmentFilter(ContactStatus status, boolean bounceReasonKnown, BounceCategory category,
                            String receivingDomain, boolean globalOnly, Long bouncedOnEmailId, String source) {

    public static SegmentFilter none() {
        return new SegmentFilter(null, false, null, null, false, null, null);
    }
}
