package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.service.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How long the Recipients view's queries take on one email with a million recipients: the counts,
 * pages near the start, middle and end of a tab, sorted pages and searches. It prints timings and
 * asserts nothing; run it when changing the list queries or their indexes:
 * {@code mvn test -Dtest=RecipientPagingBenchmark -Dbouncedesk.million=true}.
 */
@EnabledIfSystemProperty(named = "bouncedesk.million", matches = "true")
class RecipientPagingBenchmark {

    @TempDir
    Path dir;

    @Test
    void aMillionRecipients() {
        try (TestWorkspace t = new TestWorkspace(dir)) {
            t.connectSendingDomain();
            long contact = t.contact("one@example.org");
            long email = t.send("A million").emailId();
            t.services.jdbi.useHandle(h -> h.execute("INSERT INTO recipient (email_id, contact_id, address_id, address,"
                    + " address_key, name, name_key, outcome, bounce_type, event_at, delivered_at)"
                    + " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000)"
                    + " SELECT ?, ?, (SELECT address_id FROM contact WHERE id = ?), 'user' || x || '@example.org',"
                    + " 'user' || x || '@example.org', 'Name ' || ((x * 7919) % 1000003), 'name ' || ((x * 7919) % 1000003),"
                    + " CASE WHEN x % 10 = 0 THEN 'BOUNCED' ELSE 'DELIVERED' END,"
                    + " CASE WHEN x % 10 = 0 THEN (CASE WHEN x % 20 = 0 THEN 'HARD' ELSE 'SOFT' END) END,"
                    + " 1700000000000 + x, 1700000000000 + x FROM c", email, contact, contact));
            RecipientService s = t.services.recipients;
            RecipientQuery sent = RecipientQuery.of(email, RecipientTab.SENT);
            RecipientQuery bounced = RecipientQuery.of(email, RecipientTab.BOUNCED);
            time("counts of every tab", () -> s.counts(email));
            time("count Sent", () -> s.count(sent));
            time("page Sent at 0", () -> s.page(sent, 0, 100).size());
            time("page Sent at 500,000", () -> s.page(sent, 500_000, 100).size());
            time("page Sent at 999,900", () -> s.page(sent, 999_900, 100).size());
            time("page Sent by name at 0", () -> s.page(sent.sortedBy(RecipientQuery.Sort.NAME, false), 0, 100).size());
            time("page Sent by name at 500,000",
                    () -> s.page(sent.sortedBy(RecipientQuery.Sort.NAME, false), 500_000, 100).size());
            time("count Bounced", () -> s.count(bounced));
            time("count Bounced, hard", () -> s.count(bounced.withBounceType(BounceType.HARD)));
            time("page Bounced by time, newest first",
                    () -> s.page(bounced.sortedBy(RecipientQuery.Sort.EVENT_TIME, true), 0, 100).size());
            time("search 'user12345' (count)", () -> s.count(sent.withSearch("user12345")));
            time("search 'name 77' (count)", () -> s.count(sent.withSearch("name 77")));
        }
    }

    private static <T> void time(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        System.out.printf("%-40s %8.1f ms   %s%n", what, (System.nanoTime() - start) / 1e6, result);
    }
}
