package io.bouncedesk.service;

import io.bouncedesk.persistence.BatchWriter;
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

    /**
     * Records many engagements in the caller's transaction: opens and clicks go to the database
     * as batches, unsubscribes and complaints (which change the contact) one by one through
     * {@link #record}, after the batched ones before them. Close it (or {@link Batch#flush()})
     * before reading what it wrote.
     */
    public Batch batch(Handle h) {
        return new Batch(h);
    }

    /** See {@link #batch(Handle)}. */
    public final class Batch implements AutoCloseable {
        private final Handle h;
        private final BatchWriter<RecipientDao.Mark> opens;
        private final BatchWriter<RecipientDao.Mark> clicks;

        private Batch(Handle h) {
            this.h = h;
            this.opens = recipients.engagementMarks(h, RecipientDao.Engagement.OPENED);
            this.clicks = recipients.engagementMarks(h, RecipientDao.Engagement.CLICKED);
        }

        public void record(long recipientId, long contactId, RecipientDao.Engagement kind, Instant at) {
            switch (kind) {
                case OPENED -> opens.add(new RecipientDao.Mark(recipientId, at));
                case CLICKED -> {
                    // a click is also an open, as in the one-by-one form
                    clicks.add(new RecipientDao.Mark(recipientId, at));
                    opens.add(new RecipientDao.Mark(recipientId, at));
                }
                default -> {
                    flush();
                    EngagementService.this.record(h, recipientId, contactId, kind, at);
                }
            }
        }

        public void flush() {
            clicks.flush();
            opens.flush();
        }

        @Override
        public void close() {
            try (opens; clicks) {
                flush();
            }
        }
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
