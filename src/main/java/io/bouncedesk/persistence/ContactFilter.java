package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;

/**
 * A filter over contacts, done by the database. Null fields do not filter.
 *
 * @param search            prefix of the address or of the name ("anna", "anna.nowak@")
 * @param status            one status
 * @param bounceReasonKnown only contacts whose current address has a hard bounce reason
 * @param category          only contacts whose current hard bounce is of this category
 * @param globalOnly        only contacts whose current address is globally bounced
 */
public record ContactFilter(String search, ContactStatus status, boolean bounceReasonKnown,
                            BounceCategory category, boolean globalOnly) {

    public static ContactFilter all() {
        return new ContactFilter(null, null, false, null, false);
    }

    public ContactFilter withStatus(ContactStatus s) {
        return new ContactFilter(search, s, bounceReasonKnown, category, globalOnly);
    }
}
