package io.bouncedesk.service;

import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.domain.TrackingIds;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/**
 * Retries Pending recipients whose next attempt is due (domain rules, section 4). Each attempt
 * happens at its scheduled time, so catching up after the console was closed writes the same
 * history as running continuously.
 */
public final class RetryProcessor {

    private static final int BATCH = 1_000;

    private final Jdbi jdbi;
    private final RecipientDao recipients;
    private final AddressDao addresses;
    private final EmailDao emails;
    private final BounceRecorder recorder;
    private final AttemptOutcome outcomes;
    private final DeliveryTransport transport;

    public RetryProcessor(Jdbi jdbi, RecipientDao recipients, AddressDao addresses, EmailDao emails,
                          BounceRecorder recorder, DeliveryTransport transport) {
        this.jdbi = jdbi;
        this.recipients = recipients;
        this.addresses = addresses;
        this.emails = emails;
        this.recorder = recorder;
        this.outcomes = new AttemptOutcome(recorder.policy());
        this.transport = transport;
    }

    /** Runs every attempt due up to {@code upTo}; returns how many attempts were made. */
    public int processDue(Instant upTo) {
        int total = 0;
        while (true) {
            int n = jdbi.inTransaction(h -> {
                List<RecipientRow> due = recipients.dueRetries(h, upTo, BATCH);
                for (RecipientRow r : due) {
                    EmailRow email = emails.find(h, r.emailId()).orElseThrow();
                    int failures = addresses.find(h, r.addressId()).orElseThrow().softFailures();
                    int attemptNo = r.attempts() + 1;
                    Instant at = r.nextRetryAt();
                    DeliveryTransport.Reply reply = transport.deliver(new DeliveryTransport.OutgoingMessage(
                            r.emailId(), r.id(), r.address(), email.fromAddress(), email.subject(), r.messageId(),
                            TrackingIds.token(r.emailId(), r.id()),
                            TrackingIds.verpAddress(r.emailId(), r.id(), email.sendingDomain())), attemptNo, at);
                    AttemptOutcome.Decision d = outcomes.decide(r, failures, reply, attemptNo, at);
                    recipients.updateDelivery(h, d.row());
                    recipients.insertAttempts(h, List.of(d.attempt()));
                    outcomes.apply(h, recorder, d);
                }
                return due.size();
            });
            total += n;
            // an attempt can schedule the next one before upTo as well: go on until none is due
            if (n == 0) {
                return total;
            }
        }
    }
}
