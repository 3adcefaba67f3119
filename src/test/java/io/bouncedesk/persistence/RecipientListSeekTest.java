package io.bouncedesk.persistence;

import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.service.TestWorkspace;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages deep in a list in send order start from the block of ids the per-block counters point to:
 * they must hold exactly the rows an OFFSET over the whole list would, in both directions, on every
 * tab, with gaps in the ids and with another email's recipients between this one's.
 */
class RecipientListSeekTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;
    final List<RecipientRow> rows = new ArrayList<>();
    final RecipientListDao lists = new RecipientListDao();

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.bulkContacts(20_000);
        t.services.jdbi.useTransaction(h -> {
            EmailDao emails = new EmailDao();
            emailId = emails.insert(h, "Big", "Big", "Example", "news@mail.example.eu", "mail.example.eu",
                    Instant.EPOCH, "test");
            long other = emails.insert(h, "Other", "Other", "Example", "news@mail.example.eu", "mail.example.eu",
                    Instant.EPOCH, "test");
            List<long[]> contacts = h.createQuery("SELECT id, address_id FROM contact ORDER BY id")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            List<RecipientRow> all = new ArrayList<>();
            long id = 1;
            for (int i = 0; i < contacts.size(); i++) {
                // runs of 700 ids, then a gap of 1,900 ids or a run of the other email's recipients
                if (i > 0 && i % 700 == 0) {
                    id += 1_900;
                }
                boolean mine = i % 2_100 < 1_400;
                RecipientRow r = row(id++, mine ? emailId : other, contacts.get(i), i);
                all.add(r);
                if (mine) {
                    rows.add(r);
                }
            }
            new RecipientDao().insertBatch(h, all);
            // engagement written after the rows, through the update triggers
            h.execute("UPDATE recipient SET opened_at = 1 WHERE outcome = 'DELIVERED' AND contact_id % 17 < 5");
            h.execute("UPDATE recipient SET clicked_at = 2 WHERE outcome = 'DELIVERED' AND contact_id % 17 < 2");
            h.execute("UPDATE recipient SET unsubscribed_at = 3 WHERE contact_id % 17 = 7");
            h.execute("UPDATE recipient SET spam_at = 4 WHERE contact_id % 17 = 9");
        });
        if (t.workspace.team()) {
            // as autovacuum would soon: the planner's statistics of a table it has never seen
            t.services.jdbi.useHandle(h -> h.execute("ANALYZE"));
        }
        rows.replaceAll(r -> t.services.jdbi.withHandle(h -> new RecipientDao().find(h, r.id()).orElseThrow()));
        assertThat(rows).anyMatch(r -> r.clickedAt() != null).anyMatch(r -> r.spamAt() != null);
        assertThat(rows.get(rows.size() - 1).id() / RecipientListDao.ID_BLOCK).as("several blocks").isGreaterThan(3);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private static RecipientRow row(long id, long emailId, long[] contact, int i) {
        RecipientOutcome outcome = switch (i % 10) {
            case 6, 7 -> RecipientOutcome.BOUNCED;
            case 8 -> RecipientOutcome.PENDING;
            case 9 -> RecipientOutcome.NOT_SENT;
            default -> RecipientOutcome.DELIVERED;
        };
        BounceType type = outcome != RecipientOutcome.BOUNCED ? null : i % 10 == 6 ? BounceType.HARD : BounceType.SOFT;
        return new RecipientRow(id, emailId, contact[0], contact[1], "r" + i + "@example.org", "R " + i, outcome,
                null, null, type, null, null, null, null, null, null, "<m" + id + ">", 1, 6, null, Instant.EPOCH, null,
                null, null, null, null, null);
    }

    private static Predicate<RecipientRow> on(RecipientTab tab, BounceType type) {
        return switch (tab) {
            case SENT -> r -> r.outcome().attempted();
            case DELIVERED -> r -> r.outcome() == RecipientOutcome.DELIVERED;
            case OPENED -> r -> r.outcome() == RecipientOutcome.DELIVERED && r.openedAt() != null;
            case CLICKED -> r -> r.outcome() == RecipientOutcome.DELIVERED && r.clickedAt() != null;
            case BOUNCED -> r -> r.outcome() == RecipientOutcome.BOUNCED && (type == null || r.bounceType() == type);
            case PENDING -> r -> r.outcome() == RecipientOutcome.PENDING;
            case UNSUBSCRIBED -> r -> r.unsubscribedAt() != null;
            case SPAM -> r -> r.spamAt() != null;
            case NOT_SENT -> r -> r.outcome() == RecipientOutcome.NOT_SENT;
            case ALL -> r -> true;
        };
    }

    @Test
    void everyPageInSendOrderHoldsTheRowsOfTheWholeListAtItsOffset() {
        List<RecipientQuery> queries = new ArrayList<>();
        for (RecipientTab tab : RecipientTab.values()) {
            queries.add(RecipientQuery.of(emailId, tab));
        }
        queries.add(RecipientQuery.of(emailId, RecipientTab.BOUNCED).withBounceType(BounceType.HARD));
        queries.add(RecipientQuery.of(emailId, RecipientTab.BOUNCED).withBounceType(BounceType.SOFT));
        t.services.jdbi.useHandle(h -> {
            for (RecipientQuery asc : queries) {
                for (RecipientQuery q : List.of(asc, asc.sortedBy(RecipientQuery.Sort.ID, true))) {
                    List<Long> expected = rows.stream().filter(on(q.tab(), q.bounceType())).map(RecipientRow::id)
                            .sorted(q.descending() ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder())
                            .toList();
                    assertThat(lists.count(h, q)).as(q.toString()).isEqualTo(expected.size());
                    List<Long> offsets = new ArrayList<>(List.of(0L, 1L, 99L, 4_095L, 4_096L, 4_097L, 4_500L,
                            (long) expected.size() / 2, expected.size() - 150L, expected.size() - 1L,
                            (long) expected.size(), expected.size() + 4_100L));
                    for (long o = 37; o < expected.size(); o += 613) {
                        offsets.add(o);
                    }
                    for (long offset : offsets) {
                        if (offset < 0) {
                            continue;
                        }
                        List<Long> page = expected.subList((int) Math.min(offset, expected.size()),
                                (int) Math.min(offset + 150, expected.size()));
                        assertThat(ids(h, q, offset, 150)).as(q + " at " + offset).isEqualTo(page);
                        // seeking from the counters at any offset, not only deep ones
                        assertThat(lists.page(h, q, offset, 150, 1).stream().map(i -> i.recipient().id()).toList())
                                .as(q + " seeking at " + offset).isEqualTo(page);
                    }
                }
            }
        });
    }

    @Test
    void otherSortsAndSearchesStillPageByOffset() {
        t.services.jdbi.useHandle(h -> {
            RecipientQuery byAddress = RecipientQuery.of(emailId, RecipientTab.SENT)
                    .sortedBy(RecipientQuery.Sort.ADDRESS, false);
            List<Long> expected = rows.stream().filter(on(RecipientTab.SENT, null))
                    .sorted(java.util.Comparator.comparing(RecipientRow::address)).map(RecipientRow::id).toList();
            assertThat(ids(h, byAddress, 4_200, 50)).isEqualTo(expected.subList(4_200, 4_250));

            RecipientQuery search = RecipientQuery.of(emailId, RecipientTab.DELIVERED).withSearch("r1");
            List<Long> found = rows.stream().filter(on(RecipientTab.DELIVERED, null))
                    .filter(r -> r.address().startsWith("r1")).map(RecipientRow::id).sorted().toList();
            assertThat(lists.count(h, search)).isEqualTo(found.size());
            assertThat(ids(h, search, 1, 1_000)).isEqualTo(found.subList(1, Math.min(1_001, found.size())));
        });
    }

    @Test
    void aSearchInSendOrderListsEveryMatchOnceInEitherDirection() {
        // "r1": addresses only; "r 1": names only ("R 1..."); "r": both, every row matching twice
        Map<String, Predicate<RecipientRow>> searches = Map.of(
                "r1", r -> r.address().startsWith("r1"),
                "r 1", r -> r.name().toLowerCase(java.util.Locale.ROOT).startsWith("r 1"),
                "r", r -> true);
        t.services.jdbi.useHandle(h -> {
            // tabs whose condition the index ranges carry, and one they do not (opened)
            for (RecipientTab tab : List.of(RecipientTab.SENT, RecipientTab.BOUNCED, RecipientTab.NOT_SENT,
                    RecipientTab.OPENED)) {
                for (var search : searches.entrySet()) {
                    for (boolean descending : List.of(false, true)) {
                        RecipientQuery q = RecipientQuery.of(emailId, tab).withSearch(search.getKey())
                                .sortedBy(RecipientQuery.Sort.ID, descending);
                        List<Long> expected = rows.stream().filter(on(tab, null)).filter(search.getValue())
                                .map(RecipientRow::id)
                                .sorted(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder())
                                .toList();
                        assertThat(lists.count(h, q)).as(q.toString()).isEqualTo(expected.size());
                        for (int offset : List.of(0, expected.size() - 3)) {
                            int from = Math.max(0, Math.min(offset, expected.size()));
                            assertThat(ids(h, q, from, 200)).as(q + " at " + from)
                                    .isEqualTo(expected.subList(from, Math.min(from + 200, expected.size())));
                        }
                    }
                }
            }
        });
    }

    @Test
    void deepPagesInAddressOrNameOrderFromSignpostsHoldTheRowsOfTheWholeList() {
        // names shared by many recipients (a third have none), so rows of one key are ordered by id
        t.services.jdbi.useHandle(h -> h.execute("UPDATE recipient SET name_key = '' WHERE contact_id % 3 = 0"));
        t.services.jdbi.useHandle(h -> h.execute("UPDATE recipient SET name_key = 'kowalska anna'"
                + " WHERE contact_id % 3 = 1 AND contact_id % 5 = 0"));
        t.services.jdbi.useHandle(h -> {
            for (RecipientTab tab : List.of(RecipientTab.SENT, RecipientTab.BOUNCED, RecipientTab.OPENED)) {
                for (RecipientQuery.Sort sort : List.of(RecipientQuery.Sort.ADDRESS, RecipientQuery.Sort.NAME)) {
                    for (boolean descending : List.of(false, true)) {
                        RecipientQuery q = RecipientQuery.of(emailId, tab).sortedBy(sort, descending);
                        int size = (int) lists.count(h, q);
                        RecipientListDao.Signposts posts = lists.signposts(h, q, 97);
                        assertThat(posts.keys()).as(q.toString()).hasSize((size + 96) / 97);
                        List<Long> whole = ids(h, q, 0, size + 1); // by OFFSET from the start: the oracle
                        // around the first signposts (rows 97 and 194), then across the whole list and past its end
                        List<Long> offsets = new ArrayList<>(List.of(0L, 1L, 96L, 97L, 98L, 193L, 194L, 195L));
                        for (long o = 389; o <= size + 100; o += 389) {
                            offsets.add(o);
                        }
                        for (long offset : offsets) {
                            List<Long> page = whole.subList((int) Math.min(offset, size), (int) Math.min(offset + 40, size));
                            assertThat(lists.page(h, q, offset, 40, posts).stream().map(i -> i.recipient().id()).toList())
                                    .as(q + " at " + offset).isEqualTo(page);
                        }
                    }
                }
            }
            // as the console reads them: the service's pages read the signposts ahead, then start from them
            RecipientQuery byName = RecipientQuery.of(emailId, RecipientTab.SENT).sortedBy(RecipientQuery.Sort.NAME, true);
            var pages = t.services.recipients.pages(byName);
            pages.prepare(lists.count(h, byName));
            for (long offset : List.of(0L, 1_023L, 1_024L, 5_000L, 9_999L)) {
                assertThat(pages.page(offset, 100).stream().map(i -> i.recipient().id()).toList()).as("at " + offset)
                        .isEqualTo(ids(h, byName, offset, 100));
            }
            assertThat(RecipientListDao.signposted(RecipientQuery.of(emailId, RecipientTab.SENT).withSearch("r")
                    .sortedBy(RecipientQuery.Sort.NAME, false))).isFalse();
            assertThat(RecipientListDao.signposted(RecipientQuery.of(emailId, RecipientTab.SENT)
                    .sortedBy(RecipientQuery.Sort.REASON, false))).isFalse();
        });
    }

    private List<Long> ids(Handle h, RecipientQuery q, long offset, int limit) {
        return lists.page(h, q, offset, limit).stream().map(i -> i.recipient().id()).toList();
    }
}
