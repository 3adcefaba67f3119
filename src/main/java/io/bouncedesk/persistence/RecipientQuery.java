package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientTab;

/**
 * Which recipients of one email to list, in which order.
 *
 * @param bounceType on the Bounced tab: only HARD or SOFT; null for both
 * @param search     prefix of the address or the contact's full name; null or blank for all
 */
public record RecipientQuery(long emailId, RecipientTab tab, BounceType bounceType, String search,
                             Sort sort, boolean descending) {

    /** The columns the list can be sorted by; every sort ends with the id so pages are stable. */
    public enum Sort {
        ID("r.id"), ADDRESS("r.address_key"), NAME("r.name_key"), EVENT_TIME("r.event_at"),
        TYPE("r.bounce_type"), CATEGORY("r.bounce_category"), REASON("r.bounce_reason"),
        SMTP_STATUS("r.smtp_status"), NOT_SENT_REASON("r.not_sent_reason");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    public static RecipientQuery of(long emailId, RecipientTab tab) {
        return new RecipientQuery(emailId, tab, null, null, Sort.ID, false);
    }

    public RecipientQuery withSearch(String text) {
        return new RecipientQuery(emailId, tab, bounceType, text, sort, descending);
    }

    public RecipientQuery withBounceType(BounceType type) {
        return new RecipientQuery(emailId, tab, type, search, sort, descending);
    }

    public RecipientQuery sortedBy(Sort by, boolean desc) {
        return new RecipientQuery(emailId, tab, bounceType, search, by, desc);
    }
}
