package io.bouncedesk.service;

import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.AttemptRow;
import io.bouncedesk.persistence.DeliveryWriter;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.domain.TrackingIds;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retries Pending recipients whose next attempt is due (domain rules, section 4). Each attempt
 * happens at its scheduled time, so catching up after the console was closed writes the same
 * history as running continuously.
 */
public final class RetryProcessor {

    private static final int BATCH = 5_000;

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

    /**
     * Runs every attempt due up to {@code upTo}; returns how many attempts were made. Each batch of
     * due recipients is one transaction: the attempts are decided one by one in due order, their
     * effects on the address applied as they are decided (the next decision for the same address
     * reads them), and the recipients' new states and the attempts written as batches at the end.
     */
    public int processDue(Instant upTo) {
        int total = 0;
        Map<Long, EmailRow> emailCache = new HashMap<>();
        while (true) {
            int n = jdbi.inTransaction(h -> {
                List<RecipientRow> due = recipients.dueRetries(h, upTo, BATCH);
                Set<Long> addressIds = new HashSet<>();
                for (RecipientRow r : due) {
                    addressIds.add(r.addressId());
                }
                Map<Long, AddressRow> known = addresses.findAll(h, addressIds);
                List<AttemptRow> attempts = new ArrayList<>(due.size());
                try (DeliveryWriter updates = recipients.deliveryWriter(h)) {
                    for (RecipientRow r : due) {
                        EmailRow email = emailCache.computeIfAbsent(r.emailId(), id -> emails.find(h, id).orElseThrow());
                        AddressRow address = known.get(r.addressId());
                        if (address == null) {
                            address = addresses.find(h, r.addressId()).orElseThrow();
                        }
                        int failures = address.softFailures();
                        int attemptNo = r.attempts() + 1;
                        Instant at = r.nextRetryAt();
                        DeliveryTransport.Reply reply = transport.deliver(new DeliveryTransport.OutgoingMessage(
                                r.emailId(), r.id(), r.address(), email.fromAddress(), email.subject(), r.messageId(),
                                TrackingIds.token(r.emailId(), r.id()),
                                TrackingIds.verpAddress(r.emailId(), r.id(), email.sendingDomain())), attemptNo, at);
                        AttemptOutcome.Decision d = outcomes.decide(r, failures, reply, attemptNo, at);
                        updates.update(r, d.row());
                        attempts.add(d.attempt());
                        if (d.effect() != AttemptOutcome.Effect.RESET || failures > 0) {
                            outcomes.apply(h, recorder, d);
                            known.remove(r.addressId()); // changed: read it again if it comes up
                        }
                    }
                }
                recipients.insertAttempts(h, attempts);
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
