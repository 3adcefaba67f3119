package io.bouncedesk.service;

import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provider events follow the same domain rules as any bounce, matched to their recipient. */
class EventImportServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        for (String a : List.of("ann@example.org", "bob@example.org", "cat@example.org", "dan@example.org")) {
            t.contact(a);
        }
        emailId = t.send("Provider send").emailId();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private RecipientRow recipient(String address) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, address).orElseThrow());
    }

    private ContactStatus status(String address) {
        return t.services.contacts.findByAddress(address).orElseThrow().status();
    }

    private Path file(String name, List<String> lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void sendGridEventsAreMatchedAndFollowTheRules() throws Exception {
        RecipientRow ann = recipient("ann@example.org");
        RecipientRow bob = recipient("bob@example.org");
        RecipientRow cat = recipient("cat@example.org");
        RecipientRow dan = recipient("dan@example.org");
        String token = TrackingIds.token(emailId, ann.id());
        Path events = file("sendgrid.jsonl", List.of(
                "{\"email\":\"ann@example.org\",\"timestamp\":1773140000,\"event\":\"open\",\"sg_event_id\":\"e1\","
                        + "\"sg_message_id\":\"m1\",\"bouncedesk_tracking\":\"" + token + "\"}",
                "{\"email\":\"ann@example.org\",\"timestamp\":1773140100,\"event\":\"click\",\"sg_event_id\":\"e2\","
                        + "\"sg_message_id\":\"m1\",\"url\":\"https://example.org\",\"bouncedesk_tracking\":\"" + token + "\"}",
                "{\"email\":\"bob@example.org\",\"timestamp\":1773140200,\"event\":\"bounce\",\"sg_event_id\":\"e3\","
                        + "\"smtp-id\":\"" + bob.messageId() + "\",\"type\":\"bounce\",\"status\":\"5.1.1\","
                        + "\"reason\":\"550 5.1.1 The email account that you tried to reach does not exist.\"}",
                "{\"email\":\"cat@example.org\",\"timestamp\":1773140300,\"event\":\"spamreport\",\"sg_event_id\":\"e4\","
                        + "\"smtp-id\":\"" + cat.messageId() + "\"}",
                "{\"email\":\"dan@example.org\",\"timestamp\":1773140400,\"event\":\"unsubscribe\",\"sg_event_id\":\"e5\","
                        + "\"smtp-id\":\"" + dan.messageId() + "\"}",
                "{\"email\":\"stranger@example.net\",\"timestamp\":1773140500,\"event\":\"bounce\",\"sg_event_id\":\"e6\","
                        + "\"type\":\"bounce\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 User unknown\"}",
                "{\"timestamp\":1773140600,\"event\":\"delivered\",\"sg_event_id\":\"e7\"}",
                "{not json"));

        IngestSummary first = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);

        assertThat(first.imported()).isEqualTo(6);
        assertThat(first.updated()).isEqualTo(5);
        assertThat(first.rejected()).isEqualTo(2);
        assertThat(first.problems()).hasSize(2).anySatisfy(p -> assertThat(p).isEqualTo("line 7: 'email' is missing"))
                .anySatisfy(p -> assertThat(p).startsWith("line 8"));
        assertThat(recipient("ann@example.org").openedAt()).isNotNull();
        assertThat(recipient("ann@example.org").clickedAt()).isNotNull();
        RecipientRow bounced = recipient("bob@example.org");
        assertThat(bounced.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(bounced.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(bounced.bounceReason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(status("bob@example.org")).isEqualTo(ContactStatus.BOUNCED);
        assertThat(status("cat@example.org")).isEqualTo(ContactStatus.SPAM_COMPLAINT);
        assertThat(recipient("cat@example.org").spamAt()).isNotNull();
        assertThat(status("dan@example.org")).isEqualTo(ContactStatus.UNSUBSCRIBED);
        java.util.Optional<io.bouncedesk.persistence.AddressRow> stranger =
                t.services.jdbi.withHandle(h -> new AddressDao().findByKey(h, "stranger@example.net"));
        assertThat(stranger).hasValueSatisfying(a -> assertThat(a.hardBounced()).isTrue());

        List<String> before = snapshot();
        IngestSummary second = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(6);
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<String> snapshot() {
        return t.services.jdbi.withHandle(h -> {
            List<String> rows = new ArrayList<>(h.createQuery("SELECT id || outcome || COALESCE(bounce_reason, '')"
                    + " || COALESCE(opened_at, 0) || COALESCE(spam_at, 0) FROM recipient ORDER BY id").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT COUNT(*) || '' FROM bounce").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT id || status FROM contact ORDER BY id").mapTo(String.class).list());
            return rows;
        });
    }

    @Test
    void transientSesBouncesCountTowardTheLimitAndTheTenthTurnsHard() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":"
                    + "\"MailboxFull\",\"feedbackId\":\"fb-" + i + "\",\"timestamp\":\"2026-03-1" + i % 10 + "T10:00:00.000Z\","
                    + "\"bouncedRecipients\":[{\"emailAddress\":\"dan@example.org\",\"status\":\"4.2.2\","
                    + "\"diagnosticCode\":\"smtp; 452 4.2.2 Mailbox full\"}]},\"mail\":{\"timestamp\":"
                    + "\"2026-03-10T09:00:00.000Z\",\"messageId\":\"ses-" + i + "\",\"destination\":[\"dan@example.org\"]}}");
        }
        IngestSummary s = t.services.eventImports.importFile(t.marketer, ProviderFormat.SES, file("ses.jsonl", lines),
                Progress.NONE);
        assertThat(s.rejected()).as(String.join("\n", s.problems())).isZero();
        assertThat(s.imported()).isEqualTo(10);
        var address = t.services.jdbi.withHandle(h -> new AddressDao().findByKey(h, EmailAddress.keyOf("dan@example.org"))
                .orElseThrow());
        assertThat(address.hardBounced()).isTrue();
        assertThat(status("dan@example.org")).isEqualTo(ContactStatus.BOUNCED);
        assertThat(t.services.contacts.findByAddress("dan@example.org").map(c -> t.services.contacts.details(c.id())
                .hardBounce().orElseThrow().convertedFromSoft())).contains(true);
    }

    @Test
    void unreadableFilesAndViewersAreRefused() throws Exception {
        assertThatThrownBy(() -> t.services.eventImports.importFile(t.marketer, ProviderFormat.POSTMARK,
                dir.resolve("missing.json"), Progress.NONE)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.json");
        Path garbage = dir.resolve("garbage.json");
        Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xff, 'x'});
        assertThatThrownBy(() -> t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, garbage,
                Progress.NONE)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> t.services.eventImports.importFile(t.viewer, ProviderFormat.SENDGRID, garbage,
                Progress.NONE)).isInstanceOf(PermissionDeniedException.class);
    }

    private Path manyEvents(int count, int badEvery) throws Exception {
        RecipientRow ann = recipient("ann@example.org");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(i % badEvery == 0 ? "{\"email\": broken " + i
                    : "{\"email\":\"ann@example.org\",\"timestamp\":" + (1773140000 + i) + ",\"event\":\""
                    + (i % 3 == 0 ? "open" : "delivered") + "\",\"sg_event_id\":\"many-" + i + "\",\"smtp-id\":\""
                    + ann.messageId() + "\"}");
        }
        return file("many.jsonl", lines);
    }

    @Test
    void aLongFileIsAppliedInChunksWithEveryProblemAtItsLineAndProgressToTheEnd() throws Exception {
        Path events = manyEvents(10_500, 1_000);
        List<long[]> updates = new ArrayList<>();
        IngestSummary s = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events,
                (done, total) -> updates.add(new long[] {done, total}));

        assertThat(s.imported()).isEqualTo(10_490);
        assertThat(s.updated()).isEqualTo(10_490);
        assertThat(s.rejected()).isEqualTo(10);
        assertThat(s.problems()).hasSize(10);
        for (int i = 1; i <= 10; i++) {
            int line = i * 1_000;
            assertThat(s.problems()).anySatisfy(p -> assertThat(p).startsWith("line " + line + ":"));
        }
        assertThat(s.cancelled()).isFalse();
        long size = Files.size(events);
        assertThat(updates).isNotEmpty().allSatisfy(u -> assertThat(u[1]).isEqualTo(size));
        assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(size);
        assertThat(recipient("ann@example.org").openedAt()).isNotNull();

        IngestSummary again = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(10_490);
    }

    @Test
    void aCancelledImportStopsAndARunAgainFinishesIt() throws Exception {
        Path events = manyEvents(9_000, 100_000);
        Progress cancelAtOnce = Cancelling.AT_ONCE;
        IngestSummary cancelled = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events,
                cancelAtOnce);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.imported()).isLessThan(9_000);

        int[] calls = {0};
        Progress cancelLater = new Progress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls[0] > 3;
            }
        };
        IngestSummary partly = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events,
                cancelLater);
        IngestSummary rest = t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);
        assertThat(rest.cancelled()).isFalse();
        assertThat(cancelled.imported() + partly.imported() + rest.imported()).isEqualTo(9_000);
        assertThat(rest.duplicates()).isEqualTo(cancelled.imported() + partly.imported());
    }
}
