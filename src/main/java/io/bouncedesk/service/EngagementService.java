package io.bouncedesk.service;

import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.RecipientDao;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * What recipients do with a delivered email: opens and clicks are recorded on the recipient; an
 * unsubscribe or a spam complaint also changes the contact's facts and so its status.
 */
public final class EngagementService {

    private final RecipientDao recipients;
    private final ContactDao contacts;
    private final ContactStatusUpdater statuses;

    public EngagementService(RecipientDao recipients, ContactDao contacts, ContactStatusUpdater statuses) {
        this.recipients = recipients;
        this.contacts = contacts;
        this.statuses = statuses;
    }

    public void record(Handle h, long recipientId, long contactId, RecipientDao.Engagement kind, Instant at) {
        recipients.markEngagement(h, recipientId, kind, at);
        if (kind == RecipientDao.Engagement.CLICKED) {
            recipients.markEngagement(h, recipientId, RecipientDao.Engagement.OPENED, at);
        }
        if (kind == RecipientDao.Engagement.UNSUBSCRIBED) {
            contacts.markUnsubscribed(h, contactId, at);
            statuses.refresh(h, contactId);
        }
        if (kind == RecipientDao.Engagement.SPAM) {
            contacts.markSpamComplaint(h, contactId, at);
            statuses.refresh(h, contactId);
        }
    }
}
