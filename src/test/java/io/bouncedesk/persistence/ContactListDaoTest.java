package io.bouncedesk.persistence;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Contacts list reads a page's ids joined to no more than its filter and order need, then only
 * those contacts: every count and page must equal what one query over contacts, addresses and
 * bounces gives (the list's first form, kept here as the reference), for every order, direction and
 * filter, at the start, middle and end, on a demo workspace with bounces, global bounces and ties.
 */
class ContactListDaoTest {

    @TempDir
    static Path dir;
    static Workspace workspace;
    static Services services;
    final ContactListDao lists = new ContactListDao();

    @BeforeAll
    static void demo() {
        workspace = TestDatabases.fresh(dir);
        services = new Services(workspace, new SettableClock(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC),
                new SimulatedTransport(42), new PasswordHasher(1_000));
        services.demo().generate(new DemoDataGenerator.Plan(1_500, 2, 42), Progress.NONE);
        // ties: many contacts of one company and of none, so orders fall back to the id
        services.jdbi.useHandle(h -> h.execute("UPDATE contact SET company = '' WHERE id % 3 = 0"));
        services.jdbi.useHandle(h -> h.execute("UPDATE contact SET company = 'Acme' WHERE id % 3 = 1 AND id % 2 = 0"));
    }

    @AfterAll
    static void close() {
        TestDatabases.dispose(workspace);
    }

    /** The list's first form: one query over all three tables, as the reference. */
    private static List<Long> reference(Handle h, ContactFilter f, ContactListDao.Sort sort, boolean desc,
                                        long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.id FROM contact c JOIN email_address a ON a.id = c.address_id"
                + " LEFT JOIN bounce b ON b.id = a.hard_bounce_id WHERE 1 = 1");
        if (f.status() != null) {
            sql.append(" AND c.status = '").append(f.status().name()).append("'");
        }
        if (f.bounceReasonKnown()) {
            sql.append(" AND a.hard_bounce_id IS NOT NULL");
        }
        if (f.category() != null) {
            sql.append(" AND b.category = '").append(f.category().name()).append("'");
        }
        if (f.globalOnly()) {
            sql.append(" AND a.global_bounced = TRUE");
        }
        if (f.search() != null) {
            sql.append(" AND (a.address_key LIKE '").append(f.search()).append("%' OR c.name_key LIKE '")
                    .append(f.search()).append("%')");
        }
        String dir = desc ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(sort.column).append(dir);
        if (sort != ContactListDao.Sort.ID) {
            sql.append(", c.id").append(dir);
        }
        sql.append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return h.createQuery(sql.toString()).mapTo(Long.class).list();
    }

    @Test
    void everyPageAndCountEqualsTheQueryOverAllThreeTables() {
        List<ContactFilter> filters = List.of(ContactFilter.all(), ContactFilter.all().withStatus(ContactStatus.BOUNCED),
                ContactFilter.all().withStatus(ContactStatus.ACTIVE),
                new ContactFilter(null, null, true, null, false),
                new ContactFilter(null, null, false, BounceCategory.UNKNOWN_USER, false),
                new ContactFilter(null, null, false, null, true),
                new ContactFilter("a", null, false, null, false),
                new ContactFilter("m", ContactStatus.BOUNCED, true, null, false));
        services.jdbi.useHandle(h -> {
            List<String> checked = new ArrayList<>();
            for (ContactFilter f : filters) {
                long count = lists.count(h, f);
                assertThat(count).as(f.toString()).isEqualTo(reference(h, f, ContactListDao.Sort.ID, false, 0, 100_000).size());
                for (ContactListDao.Sort sort : ContactListDao.Sort.values()) {
                    for (boolean desc : List.of(false, true)) {
                        for (long offset : List.of(0L, 7L, count / 2, Math.max(0, count - 3), count + 5)) {
                            assertThat(lists.page(h, f, sort, desc, offset, 40).stream().map(i -> i.contact().id())
                                    .toList()).as(f + " " + sort + (desc ? " desc" : "") + " at " + offset)
                                    .isEqualTo(reference(h, f, sort, desc, offset, 40));
                        }
                    }
                }
                checked.add(f + ": " + count);
            }
            // the workspace has what the filters look for
            assertThat(lists.count(h, new ContactFilter(null, null, true, null, false))).isPositive();
            assertThat(lists.count(h, new ContactFilter(null, null, false, null, true))).isPositive();
            assertThat(checked).hasSize(filters.size());
        });
    }
}
