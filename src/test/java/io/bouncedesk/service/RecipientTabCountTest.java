package io.bouncedesk.service;

import io.bouncedesk.app.Services;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.persistence.TestDatabases;
import io.bouncedesk.persistence.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tab counters (recipient_tab_count) are kept by database triggers: after every kind of write
 * to recipients they must equal counting the recipients afresh, and the tab counts and list sizes
 * read from them must equal the rows the lists hold.
 */
class RecipientTabCountTest {

    @TempDir
    Path dir;
    TestWorkspace t;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.connectSendingDomain();
        for (String a : List.of("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal")) {
            t.contact(a + "@example.org");
        }
        t.contact("gone@example.org");
        t.contact("full@example.org");
        t.contact("bought@example.org", true, true);
        t.transport.reply("gone@example.org", ScriptedTransport.USER_UNKNOWN);
        t.transport.reply("full@example.org", ScriptedTransport.MAILBOX_FULL);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void countersStayExactThroughSendsRetriesEventsBouncesReclassifyAndUnbounce() throws Exception {
        long first = t.send("First").emailId();
        assertCountersExact();
        assertThat(t.services.recipients.counts(first)).satisfies(c -> {
            assertThat(c.delivered()).isEqualTo(8);
            assertThat(c.hardBounced()).isEqualTo(1);
            assertThat(c.pending()).isEqualTo(1);
            assertThat(c.notSent()).isEqualTo(1);
        });

        // retries: the soft-bouncing mailbox stays pending, then becomes a soft bounce
        t.clock.advance(Duration.ofHours(47));
        t.services.retries.processDue(t.clock.instant());
        assertCountersExact();
        t.clock.advance(Duration.ofHours(1));
        t.services.retries.processDue(t.clock.instant());
        assertCountersExact();
        assertThat(t.services.recipients.counts(first).softBounced()).isEqualTo(1);

        // provider events: opens, clicks, a complaint, an unsubscribe, a late bounce of a delivered recipient
        RecipientRow ann = recipient(first, "ann@example.org");
        String token = TrackingIds.token(first, ann.id());
        Path events = dir.resolve("events.jsonl");
        Files.write(events, List.of(
                event("ann", 1, "open", ann, token), event("ann", 2, "click", ann, token),
                event("bob", 3, "open", recipient(first, "bob@example.org"), null),
                event("cat", 4, "spamreport", recipient(first, "cat@example.org"), null),
                event("dan", 5, "unsubscribe", recipient(first, "dan@example.org"), null),
                event("eve", 6, "delivered", recipient(first, "eve@example.org"), null),
                "{\"email\":\"fay@example.org\",\"timestamp\":1773140700,\"event\":\"bounce\",\"sg_event_id\":\"e7\","
                        + "\"smtp-id\":\"" + recipient(first, "fay@example.org").messageId() + "\",\"type\":\"bounce\","
                        + "\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 The email account does not exist.\"}"));
        t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);
        assertCountersExact();
        RecipientCounts afterEvents = t.services.recipients.counts(first);
        assertThat(afterEvents.opened()).isEqualTo(2);
        assertThat(afterEvents.clicked()).isEqualTo(1);
        assertThat(afterEvents.spam()).isEqualTo(1);
        assertThat(afterEvents.unsubscribed()).isEqualTo(1);
        assertThat(afterEvents.hardBounced()).isEqualTo(2);
        assertThat(afterEvents.delivered()).isEqualTo(7);

        // a bounce message for a delivered recipient
        RecipientRow gus = recipient(first, "gus@example.org");
        Path dsn = dir.resolve("gus.eml");
        Files.writeString(dsn, BounceMessageImportServiceTest.dsn("gus@example.org", "5.1.1",
                "550 5.1.1 User unknown", gus.messageId(), TrackingIds.token(first, gus.id())));
        t.services.bounceImports.importPaths(t.marketer, List.of(dsn), Progress.NONE);
        assertCountersExact();
        assertThat(t.services.recipients.counts(first).hardBounced()).isEqualTo(3);

        // reclassified from hard to soft: the recipient moves between the Bounced counters
        long gusContact = t.services.contacts.findByAddress("gus@example.org").orElseThrow().id();
        long bounceId = t.services.contacts.details(gusContact).hardBounce().orElseThrow().id();
        t.services.reclassify.reclassify(t.marketer, bounceId, BounceReason.SECURITYERROR, BounceType.SOFT,
                "The mailbox exists.");
        assertCountersExact();
        assertThat(t.services.recipients.counts(first).hardBounced()).isEqualTo(2);
        assertThat(t.services.recipients.counts(first).softBounced()).isEqualTo(2);

        // unbounced, then sent again: the next email's counters start from its own rows
        long goneContact = t.services.contacts.findByAddress("gone@example.org").orElseThrow().id();
        t.services.unbounce.unbounce(t.admin, goneContact, true);
        t.transport.reply("gone@example.org", ScriptedTransport.OK);
        t.clock.advance(Duration.ofDays(7));
        long second = t.send("Second").emailId();
        assertCountersExact();
        assertThat(t.services.recipients.counts(second).delivered()).isGreaterThanOrEqualTo(6);
        assertThat(t.services.recipients.counts(first).total()).isEqualTo(11);
    }

    @Test
    void aRecipientDeletedOrMovedByHandIsCountedToo() {
        long first = t.send("First").emailId();
        t.services.jdbi.useHandle(h -> {
            long ann = new RecipientDao().findOnEmail(h, first, "ann@example.org").orElseThrow().id();
            long bob = new RecipientDao().findOnEmail(h, first, "bob@example.org").orElseThrow().id();
            h.execute("UPDATE recipient SET opened_at = 1, clicked_at = 2 WHERE id = ?", ann);
            h.execute("UPDATE recipient SET outcome = 'BOUNCED', bounce_type = 'SOFT' WHERE id = ?", ann);
            h.execute("UPDATE recipient SET opened_at = NULL WHERE id = ?", ann);
            h.execute("UPDATE recipient SET unsubscribed_at = 3, spam_at = 4 WHERE id = ?", bob);
            h.execute("DELETE FROM delivery_attempt WHERE recipient_id = ?", bob);
            h.execute("UPDATE recipient SET id = id + 100000 WHERE id = ?", bob);
            h.execute("DELETE FROM delivery_attempt WHERE recipient_id = ?", ann);
            h.execute("DELETE FROM bounce WHERE recipient_id = ?", ann);
            h.execute("DELETE FROM recipient WHERE id = ?", ann);
        });
        assertCountersExact();
        assertThat(t.services.recipients.counts(first).total()).isEqualTo(10);
        assertThat(t.services.recipients.counts(first).spam()).isEqualTo(1);
    }

    @Test
    void aWorkspaceFromBeforeTheCountersIsCountedWhenOpened() throws Exception {
        long first = t.send("First").emailId();
        Path events = dir.resolve("events.jsonl");
        RecipientRow ann = recipient(first, "ann@example.org");
        Files.write(events, List.of(event("ann", 1, "open", ann, TrackingIds.token(first, ann.id())),
                event("ann", 2, "click", ann, TrackingIds.token(first, ann.id())),
                event("bob", 3, "spamreport", recipient(first, "bob@example.org"), null),
                event("cat", 4, "unsubscribe", recipient(first, "cat@example.org"), null)));
        t.services.eventImports.importFile(t.marketer, ProviderFormat.SENDGRID, events, Progress.NONE);
        t.send("Second");
        // back to the schema before V8: no counters, no triggers
        boolean postgres = t.workspace.team();
        t.services.jdbi.useHandle(h -> {
            for (String trigger : List.of("recipient_tab_count_insert", "recipient_tab_count_update",
                    "recipient_tab_count_delete")) {
                h.execute("DROP TRIGGER " + trigger + (postgres ? " ON recipient" : ""));
            }
            if (postgres) {
                h.execute("DROP FUNCTION recipient_tab_count_inserted, recipient_tab_count_deleted,"
                        + " recipient_tab_count_updated");
            }
            h.execute("DROP TABLE recipient_tab_count");
            // V8 and every later migration run again (each can: they replace or skip what exists)
            h.execute("DELETE FROM flyway_schema_history WHERE installed_rank >= (SELECT installed_rank"
                    + " FROM flyway_schema_history WHERE version = '8')");
        });

        try (Workspace reopened = TestDatabases.another(t.workspace)) {
            Services s = new Services(reopened, t.clock, t.transport, new PasswordHasher(1_000));
            assertCountersExact(s);
            RecipientCounts c = s.recipients.counts(first);
            assertThat(List.of(c.opened(), c.clicked(), c.spam(), c.unsubscribed())).containsExactly(1L, 1L, 1L, 1L);
            assertThat(c.total()).isEqualTo(11);
        }
    }

    private static String event(String who, int n, String kind, RecipientRow r, String token) {
        return "{\"email\":\"" + who + "@example.org\",\"timestamp\":" + (1_773_140_000L + n * 100) + ",\"event\":\""
                + kind + "\",\"sg_event_id\":\"e" + n + "\",\"smtp-id\":\"" + r.messageId() + "\""
                + (token == null ? "" : ",\"bouncedesk_tracking\":\"" + token + "\"") + "}";
    }

    private RecipientRow recipient(long emailId, String address) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, address).orElseThrow());
    }

    /** The counters equal a fresh count, and every tab's count and list size equal its rows. */
    private void assertCountersExact() {
        assertCountersExact(t.services);
    }

    private static void assertCountersExact(Services services) {
        services.jdbi.useHandle(h -> {
            List<String> fresh = h.createQuery("SELECT email_id, id / 4096, outcome, COALESCE(bounce_type, ''),"
                            + " COUNT(*), COUNT(opened_at), COUNT(clicked_at), COUNT(unsubscribed_at), COUNT(spam_at)"
                            + " FROM recipient GROUP BY email_id, id / 4096, outcome, COALESCE(bounce_type, '')"
                            + " ORDER BY 1, 2, 3, 4")
                    .map((rs, ctx) -> row(rs, 9)).list();
            List<String> kept = h.createQuery("SELECT email_id, id_block, outcome, bounce_type, recipients, opened,"
                            + " clicked, unsubscribed, spam FROM recipient_tab_count WHERE recipients <> 0"
                            + " OR opened <> 0 OR clicked <> 0 OR unsubscribed <> 0 OR spam <> 0 ORDER BY 1, 2, 3, 4")
                    .map((rs, ctx) -> row(rs, 9)).list();
            assertThat(kept).isNotEmpty().isEqualTo(fresh);
            long negative = h.createQuery("SELECT COUNT(*) FROM recipient_tab_count WHERE recipients < 0 OR opened < 0"
                    + " OR clicked < 0 OR unsubscribed < 0 OR spam < 0").mapTo(Long.class).one();
            assertThat(negative).isZero();
        });
        RecipientService service = services.recipients;
        for (long emailId : services.jdbi.withHandle(h -> h.createQuery("SELECT id FROM marketing_email")
                .mapTo(Long.class).list())) {
            RecipientCounts c = service.counts(emailId);
            for (RecipientTab tab : RecipientTab.values()) {
                RecipientQuery q = RecipientQuery.of(emailId, tab);
                long rows = service.page(q, 0, RecipientService.MAX_PAGE).size();
                assertThat(service.count(q)).as(tab.name()).isEqualTo(rows);
                long fromCounts = c.of(tab);
                assertThat(fromCounts).as("counts of " + tab.name()).isEqualTo(rows);
            }
            for (BounceType type : BounceType.values()) {
                RecipientQuery q = RecipientQuery.of(emailId, RecipientTab.BOUNCED).withBounceType(type);
                long rows = service.page(q, 0, RecipientService.MAX_PAGE).size();
                assertThat(service.count(q)).isEqualTo(rows);
                assertThat(type == BounceType.HARD ? c.hardBounced() : c.softBounced()).isEqualTo(rows);
            }
            assertThat(rowsWithOutcome(services, emailId, RecipientOutcome.BOUNCED)).isEqualTo(c.bounced());
        }
    }

    private static long rowsWithOutcome(Services services, long emailId, RecipientOutcome outcome) {
        return services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recipient WHERE email_id = :e"
                + " AND outcome = :o").bind("e", emailId).bind("o", outcome.name()).mapTo(Long.class).one());
    }

    private static String row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        return b.toString();
    }
}
