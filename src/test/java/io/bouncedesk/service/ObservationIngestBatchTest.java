package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ObservationIngest#applyAll} must leave the workspace exactly as {@link ObservationIngest#apply}
 * one by one does: the same outcome per observation and the same rows, whatever the mix of kinds,
 * matches, duplicates and chunk boundaries.
 */
class ObservationIngestBatchTest {

    @TempDir
    Path dir;

    private static final List<String> ADDRESSES = List.of("ann@example.org", "bob@example.org", "cat@example.org",
            "dan@example.org", "eve@example.org", "fay@example.org", "gus@example.org", "hal@example.org",
            "ivy@example.org", "jo@example.org");

    /** Two emails sent to the same contacts, some soft-bouncing, so addresses carry soft failure counts. */
    private static TestWorkspace workspace(Path dir) {
        TestWorkspace t = new TestWorkspace(dir);
        for (String a : ADDRESSES) {
            t.contact(a);
        }
        t.transport.reply("cat@example.org", ScriptedTransport.MAILBOX_FULL);
        t.transport.reply("dan@example.org", ScriptedTransport.MAILBOX_FULL);
        t.send("First");
        t.transport.reply("dan@example.org", ScriptedTransport.OK);
        t.transport.reply("eve@example.org", ScriptedTransport.MAILBOX_FULL);
        t.send("Second");
        return t;
    }

    private static ObservationIngest ingest(TestWorkspace t) {
        AddressDao addresses = new AddressDao();
        ContactDao contacts = new ContactDao();
        RecipientDao recipients = new RecipientDao();
        ContactStatusUpdater statuses = new ContactStatusUpdater(contacts, t.clock);
        BounceRecorder recorder = new BounceRecorder(addresses, new BounceDao(), statuses, SoftBouncePolicy.standard());
        return new ObservationIngest(addresses, contacts, recipients, new IngestDao(), recorder,
                new EngagementService(recipients, contacts, statuses), statuses, t.clock);
    }

    /** A seeded mix of every kind, matched by token, Message-ID, a wrong token or only the address. */
    private static List<DeliveryObservation> observations(List<RecipientRow> recipients, long seed, int count) {
        Random rng = new Random(seed);
        DeliveryObservation.Kind[] kinds = DeliveryObservation.Kind.values();
        List<DeliveryObservation> out = new ArrayList<>();
        Instant at = Instant.parse("2026-03-11T08:00:00Z");
        for (int i = 0; i < count; i++) {
            if (!out.isEmpty() && rng.nextInt(20) == 0) {
                out.add(out.get(rng.nextInt(out.size()))); // the same event again
                continue;
            }
            at = at.plus(Duration.ofSeconds(1 + rng.nextInt(60)));
            // mostly the batched kinds, as in real files
            DeliveryObservation.Kind kind = rng.nextInt(3) > 0
                    ? List.of(DeliveryObservation.Kind.DELIVERED, DeliveryObservation.Kind.OPEN,
                    DeliveryObservation.Kind.CLICK).get(rng.nextInt(3))
                    : kinds[rng.nextInt(kinds.length)];
            RecipientRow r = recipients.get(rng.nextInt(recipients.size()));
            String address = r.address();
            String token = null;
            String messageId = null;
            RecipientRow other = recipients.get(rng.nextInt(recipients.size()));
            switch (rng.nextInt(8)) {
                case 0, 1 -> token = TrackingIds.token(r.emailId(), r.id());
                case 2 -> messageId = bare(r.messageId());
                case 3 -> token = TrackingIds.token(r.emailId() + 7, r.id()); // wrong email: no match by token
                case 4 -> address = rng.nextBoolean() ? "stranger" + rng.nextInt(3) + "@example.net" : address;
                case 5 -> { // the token names no recipient of its email: the Message-ID decides
                    token = TrackingIds.token(r.emailId() + 7, other.id());
                    messageId = bare(r.messageId());
                }
                case 6 -> { // the token's recipient has another address: no match, the Message-ID is not tried
                    token = TrackingIds.token(other.emailId(), other.id());
                    messageId = bare(r.messageId());
                }
                default -> messageId = "<provider-" + rng.nextInt(5) + "@sendgrid.net>";
            }
            BounceReason reason = switch (kind) {
                case HARD_BOUNCE -> BounceReason.USERUNKNOWN;
                case SOFT_BOUNCE, DEFERRED -> BounceReason.MAILBOXFULL;
                case DROPPED -> BounceReason.ONHOLD;
                case SPAM_COMPLAINT -> BounceReason.FEEDBACK;
                case DELIVERED -> BounceReason.DELIVERED;
                default -> null;
            };
            BounceType type = kind == DeliveryObservation.Kind.HARD_BOUNCE ? BounceType.HARD
                    : kind == DeliveryObservation.Kind.SOFT_BOUNCE ? BounceType.SOFT : null;
            out.add(new DeliveryObservation("test:" + i, "sendgrid", kind, address, at, reason, type,
                    reason == null ? null : "4.2.2", "452", "diagnostic " + i, "mx.test", messageId, token, null, null));
        }
        return out;
    }

    /** A stored Message-ID as a provider reports it, without angle brackets. */
    private static String bare(String messageId) {
        return messageId == null ? null : messageId.substring(1, messageId.length() - 1);
    }

    private static Map<String, List<String>> snapshot(TestWorkspace t) {
        return t.services.jdbi.withHandle(h -> Map.of(
                "recipient", rows(h, "SELECT * FROM recipient ORDER BY id"),
                "email_address", rows(h, "SELECT * FROM email_address ORDER BY id"),
                "contact", rows(h, "SELECT * FROM contact ORDER BY id"),
                "bounce", rows(h, "SELECT * FROM bounce ORDER BY id"),
                "ingested_event", rows(h, "SELECT event_key, source, ingested_at FROM ingested_event ORDER BY event_key")));
    }

    private static List<String> rows(org.jdbi.v3.core.Handle h, String sql) {
        return h.createQuery(sql).mapToMap().list().stream()
                .map(m -> new java.util.TreeMap<>(m).toString()).collect(Collectors.toList());
    }

    @Test
    void chunksApplyExactlyAsOneByOne() {
        for (long seed = 1; seed <= 4; seed++) {
            for (int chunk : new int[] {1, 7, 64, 5_000}) {
                Path a = dir.resolve("one-" + seed + "-" + chunk);
                Path b = dir.resolve("all-" + seed + "-" + chunk);
                try (TestWorkspace one = workspace(a); TestWorkspace all = workspace(b)) {
                    List<RecipientRow> recipients = one.services.jdbi.withHandle(h -> h.createQuery(
                            "SELECT * FROM recipient ORDER BY id").map((rs, ctx) -> new RecipientDao().find(h,
                            rs.getLong("id")).orElseThrow()).list());
                    List<DeliveryObservation> list = observations(recipients, seed, 400);

                    ObservationIngest single = ingest(one);
                    List<ObservationIngest.Outcome> expected = one.services.jdbi.inTransaction(h ->
                            list.stream().map(o -> single.apply(h, o).outcome()).collect(Collectors.toList()));

                    ObservationIngest batched = ingest(all);
                    List<ObservationIngest.Outcome> actual = new ArrayList<>();
                    for (int from = 0; from < list.size(); from += chunk) {
                        List<DeliveryObservation> part = list.subList(from, Math.min(list.size(), from + chunk));
                        actual.addAll(all.services.jdbi.inTransaction(h -> batched.applyAll(h, part)));
                    }

                    assertThat(actual).as("seed %d, chunk %d", seed, chunk).isEqualTo(expected);
                    assertThat(expected).contains(ObservationIngest.Outcome.MATCHED, ObservationIngest.Outcome.DUPLICATE,
                            ObservationIngest.Outcome.ADDRESS_ONLY, ObservationIngest.Outcome.IGNORED);
                    Map<String, List<String>> want = snapshot(one);
                    Map<String, List<String>> got = snapshot(all);
                    for (String table : want.keySet()) {
                        assertThat(got.get(table)).as("%s, seed %d, chunk %d", table, seed, chunk)
                                .containsExactlyElementsOf(want.get(table));
                    }
                }
            }
        }
    }

    @Test
    void aSecondRunOfTheSameChunkChangesNothing() {
        try (TestWorkspace t = workspace(dir.resolve("again"))) {
            List<RecipientRow> recipients = t.services.jdbi.withHandle(h -> h.createQuery("SELECT id FROM recipient")
                    .map((rs, ctx) -> new RecipientDao().find(h, rs.getLong("id")).orElseThrow()).list());
            List<DeliveryObservation> list = observations(recipients, 9, 300);
            ObservationIngest ingest = ingest(t);
            List<ObservationIngest.Outcome> first = t.services.jdbi.inTransaction(h -> ingest.applyAll(h, list));
            assertThat(first).contains(ObservationIngest.Outcome.MATCHED);
            Map<String, List<String>> before = snapshot(t);
            List<ObservationIngest.Outcome> second = t.services.jdbi.inTransaction(h -> ingest.applyAll(h, list));
            assertThat(second).containsOnly(ObservationIngest.Outcome.DUPLICATE);
            assertThat(snapshot(t)).isEqualTo(before);
        }
    }

    @Test
    void aMessageIdSharedByTwoRecipientsIsRefusedAndNothingIsWritten() {
        try (TestWorkspace t = workspace(dir.resolve("shared-id"))) {
            List<RecipientRow> recipients = t.services.jdbi.withHandle(h -> h.createQuery("SELECT id FROM recipient ORDER BY id")
                    .map((rs, ctx) -> new RecipientDao().find(h, rs.getLong("id")).orElseThrow()).list());
            RecipientRow first = recipients.get(0);
            RecipientRow second = recipients.get(1);
            // a Message-ID of the provider's own (BounceDesk's carry the recipient and are matched by that)
            String shared = "<shared-1@provider.example>";
            t.services.jdbi.useHandle(h -> h.createUpdate("UPDATE recipient SET message_id = :m WHERE id IN (:a, :b)")
                    .bind("m", shared).bind("a", first.id()).bind("b", second.id()).execute());
            Map<String, List<String>> before = snapshot(t);
            ObservationIngest ingest = ingest(t);
            List<DeliveryObservation> list = List.of(new DeliveryObservation("test:shared", "sendgrid",
                    DeliveryObservation.Kind.DELIVERED, first.address(), Instant.parse("2026-03-11T08:00:00Z"),
                    BounceReason.DELIVERED, null, "2.0.0", "250", "ok", null, bare(shared), null, null, null));

            assertThatThrownBy(() -> t.services.jdbi.useTransaction(h -> ingest.applyAll(h, list)))
                    .hasMessageContaining("Several recipients have Message-ID " + shared);
            assertThat(snapshot(t)).isEqualTo(before);
        }
    }
}
