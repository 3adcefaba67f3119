package io.bouncedesk.service;

import io.bouncedesk.app.Services;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.TestDatabases;
import io.bouncedesk.persistence.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several consoles on one workspace at once, each with its own connection pool, as a team of
 * support agents on PostgreSQL (or several windows on one SQLite file): the rules that guard shared
 * limits hold across them.
 */
class ConsolesRaceTest {

    private static final int CONSOLES = 4;
    private static final int THREADS_PER_CONSOLE = 8;

    @TempDir
    Path dir;
    TestWorkspace t;
    final List<Services> consoles = new ArrayList<>();

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.connectSendingDomain();
        for (int i = 0; i < CONSOLES; i++) {
            Workspace ws = TestDatabases.another(t.workspace);
            consoles.add(new Services(ws, t.clock, new ScriptedTransport(), new PasswordHasher(1_000)));
        }
    }

    @AfterEach
    void tearDown() {
        consoles.forEach(c -> c.workspace.close());
        t.close();
    }

    private List<Long> hardBounced(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String address = "race" + i + "@example.org";
            ids.add(t.contact(address));
            t.transport.reply(address, ScriptedTransport.USER_UNKNOWN);
        }
        t.send("Bounces");
        return ids;
    }

    /** Runs one unbounce per thread, all released at once; returns the refusals' rules (null for a win). */
    private List<UnbounceRule> race(LongFunction<Long> contactOfThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONSOLES * THREADS_PER_CONSOLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UnbounceRule>> results = new ArrayList<>();
        for (int console = 0; console < CONSOLES; console++) {
            Services s = consoles.get(console);
            for (int thread = 0; thread < THREADS_PER_CONSOLE; thread++) {
                long contact = contactOfThread.apply((long) console * THREADS_PER_CONSOLE + thread);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        s.unbounce.unbounce(t.admin, contact, true);
                        return null;
                    } catch (UnbounceRefusedException e) {
                        return e.rule();
                    }
                }));
            }
        }
        start.countDown();
        List<UnbounceRule> rules = new ArrayList<>();
        for (Future<UnbounceRule> f : results) {
            rules.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return rules;
    }

    /** Every console imports the same file, all released at once; each summary, none with a rejected event. */
    private List<IngestSummary> importAtOnce(ProviderFormat format, Path file) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONSOLES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IngestSummary>> results = new ArrayList<>();
        for (Services s : consoles) {
            results.add(pool.submit(() -> {
                start.await();
                return s.eventImports.importFile(t.marketer, format, file, Progress.NONE);
            }));
        }
        start.countDown();
        List<IngestSummary> summaries = new ArrayList<>();
        for (Future<IngestSummary> f : results) {
            IngestSummary summary = f.get(2, TimeUnit.MINUTES);
            assertThat(summary.rejected()).as(String.join("\n", summary.problems())).isZero();
            summaries.add(summary);
        }
        pool.shutdown();
        return summaries;
    }

    private long unbounceRows() {
        return t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM unbounce").mapTo(Long.class).one());
    }

    @Test
    void fourConsolesOfEightThreadsRacingForTheLastFiveUnitsTakeExactlyFive() throws Exception {
        List<Long> ids = hardBounced(5 + CONSOLES * THREADS_PER_CONSOLE);
        for (int i = 0; i < 5; i++) {
            t.services.unbounce.unbounce(t.admin, ids.get(i), true);
        }
        assertThat(t.services.unbounce.quota().limit()).isEqualTo(10);

        List<UnbounceRule> rules = race(n -> ids.get(5 + (int) n));

        assertThat(rules.stream().filter(r -> r == null).count()).as("winners").isEqualTo(5);
        assertThat(rules.stream().filter(r -> r != null)).hasSize(CONSOLES * THREADS_PER_CONSOLE - 5)
                .containsOnly(UnbounceRule.QUOTA_EXHAUSTED);
        assertThat(t.services.unbounce.quota().used()).isEqualTo(10);
        assertThat(unbounceRows()).isEqualTo(10);
        long audited = t.services.jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'UNBOUNCE'").mapTo(Long.class).one());
        assertThat(audited).isEqualTo(10);
    }

    @Test
    void fourConsolesImportingTheSameEventsAtOnceRecordEachEventOnce() throws Exception {
        t.contact("dan@example.org");
        t.send("Provider send");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":"
                    + "\"MailboxFull\",\"feedbackId\":\"fb-" + i + "\",\"timestamp\":\"2026-03-1" + i + "T10:00:00.000Z\","
                    + "\"bouncedRecipients\":[{\"emailAddress\":\"dan@example.org\",\"status\":\"4.2.2\","
                    + "\"diagnosticCode\":\"smtp; 452 4.2.2 Mailbox full\"}]},\"mail\":{\"timestamp\":"
                    + "\"2026-03-10T09:00:00.000Z\",\"messageId\":\"ses-" + i + "\",\"destination\":[\"dan@example.org\"]}}");
        }
        Path file = dir.resolve("ses.jsonl");
        Files.write(file, lines);

        List<IngestSummary> summaries = importAtOnce(ProviderFormat.SES, file);
        long imported = summaries.stream().mapToLong(IngestSummary::imported).sum();
        long duplicates = summaries.stream().mapToLong(IngestSummary::duplicates).sum();

        assertThat(imported).isEqualTo(10);
        assertThat(duplicates).isEqualTo(30);
        List<Boolean> converted = t.services.jdbi.withHandle(h -> h.createQuery(
                "SELECT converted_from_soft FROM bounce ORDER BY id").mapTo(Boolean.class).list());
        assertThat(converted).as("nine soft bounces and the tenth turned hard, each recorded once")
                .containsExactly(false, false, false, false, false, false, false, false, false, true);
        AddressRow dan = t.services.jdbi.withHandle(h -> new AddressDao().findByKey(h, "dan@example.org").orElseThrow());
        assertThat(dan.hardBounced()).as("the tenth soft bounce in a row turns hard, once").isTrue();
    }

    @Test
    void fourConsolesImportingTheSameDeliveriesAndOpensAtOnceCountEachEventOnce() throws Exception {
        for (int i = 0; i < 50; i++) {
            t.contact("reader" + i + "@example.org");
        }
        long emailId = t.send("Newsletter").emailId();
        List<String[]> recipients = t.services.jdbi.withHandle(h -> h.createQuery("SELECT address, message_id"
                        + " FROM recipient WHERE email_id = :e ORDER BY id").bind("e", emailId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String[] r = recipients.get(i % recipients.size());
            lines.add("{\"email\":\"" + r[0] + "\",\"timestamp\":" + (1_773_140_000L + i) + ",\"event\":\""
                    + (i % 3 == 0 ? "open" : "delivered") + "\",\"sg_event_id\":\"ev-" + i + "\",\"smtp-id\":\""
                    + r[1] + "\"}");
        }
        Path file = dir.resolve("sendgrid.jsonl");
        Files.write(file, lines);

        List<IngestSummary> summaries = importAtOnce(ProviderFormat.SENDGRID, file);
        long imported = summaries.stream().mapToLong(IngestSummary::imported).sum();
        long duplicates = summaries.stream().mapToLong(IngestSummary::duplicates).sum();

        assertThat(imported).as("each event counted by exactly one console").isEqualTo(3_000);
        assertThat(duplicates).isEqualTo(3 * 3_000);
        long keys = t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ingested_event")
                .mapTo(Long.class).one());
        assertThat(keys).isEqualTo(3_000);
    }

    @Test
    void thirtyTwoThreadsUnbouncingOneContactUnbounceItOnceAndTakeOneUnit() throws Exception {
        List<Long> ids = hardBounced(1);

        List<UnbounceRule> rules = race(n -> ids.get(0));

        assertThat(rules.stream().filter(r -> r == null).count()).as("winners").isEqualTo(1);
        assertThat(rules.stream().filter(r -> r != null))
                .allMatch(r -> r == UnbounceRule.NOT_BOUNCED || r == UnbounceRule.ALREADY_UNBOUNCED);
        assertThat(t.services.unbounce.quota().used()).isEqualTo(1);
        assertThat(unbounceRows()).isEqualTo(1);
    }
}
