package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AttemptRow;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a marketing email: every contact of the audience becomes a recipient; those the rules
 * suppress are recorded as Not sent with their reason (and what caused it), the rest are handed
 * to the {@link DeliveryTransport} for their first attempt. Soft bounces stay Pending for the
 * {@link RetryProcessor}. The whole send is one transaction, processed in batches so that a
 * million recipients stream through constant memory.
 */
public final class SendPlanner {

    private static final int BATCH = 2_000;

    private final Jdbi jdbi;
    private final EmailDao emails;
    private final RecipientDao recipients;
    private final BounceRecorder recorder;
    private final AttemptOutcome outcomes;
    private final DeliveryTransport transport;
    private final AuditLogger audit;
    private final Clock clock;

    public SendPlanner(Jdbi jdbi, EmailDao emails, RecipientDao recipients, BounceRecorder recorder,
                       DeliveryTransport transport, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.emails = emails;
        this.recipients = recipients;
        this.recorder = recorder;
        this.outcomes = new AttemptOutcome(recorder.policy());
        this.transport = transport;
        this.audit = audit;
        this.clock = clock;
    }

    /** One audience member with the facts suppression needs. */
    private record Member(long contactId, String name, boolean purchased, boolean confirmed, boolean unsubscribed,
                          boolean spam, long addressId, String address, boolean valid, boolean hardBounced,
                          Long causeEmailId, boolean global, int softFailures) {
    }

    public SendReport send(User user, EmailDraft draft, Audience audience, Progress progress) {
        PermissionDeniedException.check(user, Permission.SEND);
        return jdbi.inTransaction(h -> {
            Instant sentAt = clock.instant();
            String sendingDomain = draft.sendingDomain();
            long emailId = emails.insert(h, draft.name(), draft.subject(), draft.fromName(), draft.fromAddress(),
                    draft.sendingDomain(), sentAt, user.username());
            long total = audience.isAll()
                    ? h.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one()
                    : audience.contactIds().size();
            SendState state = new SendState(recipients.nextId(h));
            long done = 0;
            long after = 0;
            while (true) {
                progress.checkCancelled();
                List<Member> chunk = members(h, audience, after);
                if (chunk.isEmpty()) {
                    break;
                }
                sendChunk(h, emailId, draft, sendingDomain, sentAt, chunk, state);
                after = chunk.get(chunk.size() - 1).contactId();
                done += chunk.size();
                progress.update(done, total);
            }
            var counts = recipients.counts(h, emailId);
            audit.record(h, user.username(), "EMAIL_SENT", AuditSubject.email(emailId, draft.name()), null,
                    AuditLogger.fields("recipients", counts.total(), "delivered", counts.delivered(), "bounced", counts.bounced(),
                            "pending", counts.pending(), "notSent", counts.notSent()));
            return new SendReport(emailId, counts);
        });
    }

    /** Bookkeeping across batches for addresses this send has already changed. */
    private static final class SendState {
        long nextId;
        final Map<Long, Integer> softFailures = new HashMap<>();
        final Map<Long, Long> hardBouncedNow = new HashMap<>();

        SendState(long nextId) {
            this.nextId = nextId;
        }
    }

    private void sendChunk(Handle h, long emailId, EmailDraft draft, String sendingDomain, Instant sentAt,
                           List<Member> chunk, SendState s) {
        List<RecipientRow> rows = new ArrayList<>(chunk.size());
        List<AttemptRow> attempts = new ArrayList<>(chunk.size());
        List<AttemptOutcome.Decision> effects = new ArrayList<>();
        for (Member m : chunk) {
            long id = s.nextId++;
            Long causeNow = s.hardBouncedNow.get(m.addressId());
            boolean hard = m.hardBounced() || causeNow != null;
            Optional<NotSentReason> notSent = Suppression.check(new Suppression.Facts(hard, m.global(),
                    m.unsubscribed(), m.spam(), m.confirmed(), m.valid(), m.purchased()));
            if (notSent.isPresent()) {
                Long cause = notSent.get() == NotSentReason.PREVIOUSLY_BOUNCED
                        ? (causeNow != null ? causeNow : m.causeEmailId()) : null;
                rows.add(new RecipientRow(id, emailId, m.contactId(), m.addressId(), m.address(), m.name(),
                        RecipientOutcome.NOT_SENT, notSent.get(), cause, null, null, null, null, null, null, null, null,
                        0, 0, null, sentAt, null, null, null, null, null, null));
                continue;
            }
            int failuresBefore = s.softFailures.getOrDefault(m.addressId(), m.softFailures());
            String messageId = TrackingIds.messageId(emailId, id, sendingDomain);
            RecipientRow base = new RecipientRow(id, emailId, m.contactId(), m.addressId(), m.address(), m.name(),
                    RecipientOutcome.PENDING, null, null, null, null, null, null, null, null, null, messageId, 0,
                    recorder.policy().attemptBudget(failuresBefore), null, null, null, null, null, null, null, null);
            DeliveryTransport.Reply reply = transport.deliver(new DeliveryTransport.OutgoingMessage(emailId, id,
                    m.address(), draft.fromAddress(), draft.subject(), messageId, TrackingIds.token(emailId, id),
                    TrackingIds.verpAddress(emailId, id, sendingDomain)), 1, sentAt);
            AttemptOutcome.Decision d = outcomes.decide(base, failuresBefore, reply, 1, sentAt);
            rows.add(d.row());
            attempts.add(d.attempt());
            if (d.effect() != AttemptOutcome.Effect.RESET || failuresBefore > 0) {
                effects.add(d);
            }
            s.softFailures.put(m.addressId(), outcomes.softFailuresAfter(d));
            if (d.row().bounceType() == io.bouncedesk.domain.BounceType.HARD) {
                s.hardBouncedNow.put(m.addressId(), emailId);
            }
        }
        recipients.insertBatch(h, rows);
        recipients.insertAttempts(h, attempts);
        try (BounceRecorder.Batch batch = recorder.batch(h)) {
            for (AttemptOutcome.Decision d : effects) {
                outcomes.apply(batch, d);
            }
        }
        // The chunk's effects are written: from here the database holds what these maps held
        // (the next chunk's members are read with their addresses' counts and hard bounces).
        s.softFailures.clear();
        s.hardBouncedNow.clear();
    }

    private List<Member> members(Handle h, Audience audience, long after) {
        String select = "SELECT c.id, c.first_name, c.last_name, c.purchased_list, c.confirmed,"
                + " c.unsubscribed_at, c.spam_complaint_at, a.id AS address_id, a.address, a.valid, a.hard_bounce_id,"
                + " b.email_id AS cause_email_id, a.global_bounced, a.soft_failures"
                + " FROM contact c JOIN email_address a ON a.id = c.address_id"
                + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE c.id > :after";
        Query q;
        if (audience.isAll()) {
            q = h.createQuery(select + " ORDER BY c.id LIMIT :limit").bind("limit", BATCH);
        } else {
            List<Long> ids = audience.contactIds().stream().filter(id -> id > after).limit(BATCH).toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            q = h.createQuery(select + " AND c.id IN (<ids>) ORDER BY c.id").bindList("ids", ids);
        }
        return q.bind("after", after).map((rs, ctx) -> {
            long hardId = rs.getLong("hard_bounce_id");
            boolean hard = !rs.wasNull();
            long cause = rs.getLong("cause_email_id");
            Long causeId = rs.wasNull() || !hard ? null : cause;
            rs.getLong("unsubscribed_at");
            boolean unsub = !rs.wasNull();
            rs.getLong("spam_complaint_at");
            boolean spam = !rs.wasNull();
            String name = (rs.getString("first_name") + " " + rs.getString("last_name")).strip();
            return new Member(rs.getLong("id"), name, rs.getBoolean("purchased_list"), rs.getBoolean("confirmed"),
                    unsub, spam, rs.getLong("address_id"), rs.getString("address"), rs.getBoolean("valid"),
                    hard && hardId > 0, causeId, rs.getBoolean("global_bounced"), rs.getInt("soft_failures"));
        }).list();
    }

    /** Exposed for the address key used in recipient rows. */
    static String keyOf(String address) {
        return EmailAddress.keyOf(address);
    }
}
