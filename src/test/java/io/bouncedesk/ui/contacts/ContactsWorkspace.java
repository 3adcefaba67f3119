package io.bouncedesk.ui.contacts;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small demo workspace of its own (these tests unbounce, change addresses and use up quota, so
 * they do not share the read-only one), built once per test class, and the contacts they need.
 */
public final class ContactsWorkspace implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** A contact and its current address. */
    public record Pick(long id, String address) {
    }

    public final Path dir;
    public final Path file;
    public final Services services;

    public ContactsWorkspace() {
        try {
            dir = Files.createTempDirectory("bouncedesk-contacts-ui");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file = dir.resolve("demo.db");
        services = new Services(Workspace.open(file), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(42), new PasswordHasher(1_000));
        services.demo().generate(new DemoDataGenerator.Plan(2_000, 6, 42), Progress.NONE);
    }

    public User user(String username) {
        return services.users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    /** Contacts whose current address hard-bounced here (from an email), not globally, not purchased, never unbounced. */
    public List<Pick> locallyBounced(int n) {
        return services.jdbi.withHandle(h -> h.createQuery("SELECT c.id, a.address FROM contact c"
                        + " JOIN email_address a ON a.id = c.address_id JOIN bounce b ON b.id = a.hard_bounce_id"
                        + " WHERE a.global_bounced = FALSE AND c.purchased_list = FALSE AND b.email_id IS NOT NULL"
                        + " AND c.id NOT IN (SELECT contact_id FROM unbounce) ORDER BY c.id LIMIT :n")
                .bind("n", n).map((rs, ctx) -> new Pick(rs.getLong(1), rs.getString(2))).list());
    }

    /** A globally bounced contact, an unknown-user one first (its banner says it cannot be removed). */
    public Pick globallyBounced() {
        return services.jdbi.withHandle(h -> h.createQuery("SELECT c.id, a.address FROM contact c"
                        + " JOIN email_address a ON a.id = c.address_id JOIN global_bounce g ON g.address_key = a.address_key"
                        + " WHERE a.global_bounced = TRUE ORDER BY CASE g.category WHEN 'UNKNOWN_USER' THEN 0 ELSE 1 END,"
                        + " c.id LIMIT 1")
                .map((rs, ctx) -> new Pick(rs.getLong(1), rs.getString(2))).one());
    }

    /** Uses up this month's quota, as if other admins had; returns what was used before. */
    public int useUpQuota() {
        var q = services.unbounce.quota();
        services.jdbi.useHandle(h -> h.createUpdate("INSERT INTO unbounce_quota (month, used) VALUES (:m, :l)"
                + " ON CONFLICT (month) DO UPDATE SET used = :l").bind("m", q.month()).bind("l", q.limit()).execute());
        return q.used();
    }

    public void setQuotaUsed(int used) {
        var q = services.unbounce.quota();
        services.jdbi.useHandle(h -> h.createUpdate("UPDATE unbounce_quota SET used = :u WHERE month = :m")
                .bind("u", used).bind("m", q.month()).execute());
    }

    @Override
    public void close() {
        try {
            services.workspace.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            // A temporary folder left behind is harmless.
        }
    }
}
