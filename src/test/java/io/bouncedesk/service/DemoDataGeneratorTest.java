package io.bouncedesk.service;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private Services build(Path file, long seed) {
        Services s = new Services(TestDatabases.fresh(file), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(seed), new PasswordHasher(1_000));
        s.demo().generate(new DemoDataGenerator.Plan(1_500, 4, seed), Progress.NONE);
        return s;
    }

    private static List<String> fingerprint(Services s) {
        return s.jdbi.withHandle(h -> h.createQuery("SELECT r.address || ' ' || r.outcome || ' '"
                + " || COALESCE(r.not_sent_reason, '') || COALESCE(r.bounce_reason, '') || ' ' || r.attempts"
                + " FROM recipient r ORDER BY r.id").mapTo(String.class).list());
    }

    @Test
    void theSameSeedBuildsTheSameWorkspaceThroughTheRealRules() {
        Services a = build(dir.resolve("a"), 7);
        Services b = build(dir.resolve("b"), 7);
        try (var wa = a.workspace; var wb = b.workspace) {
            assertThat(fingerprint(a)).isEqualTo(fingerprint(b)).hasSizeGreaterThan(5_000);
            assertThat(a.reports.summary()).isEqualTo(b.reports.summary());

            WorkspaceSummary s = a.reports.summary();
            assertThat(s.contacts()).isEqualTo(1_500);
            for (ContactStatus status : ContactStatus.values()) {
                assertThat(s.byStatus().get(status)).as(status.name()).isPositive();
            }
            double bouncedShare = (double) s.byStatus().get(ContactStatus.BOUNCED) / s.contacts();
            assertThat(bouncedShare).isBetween(0.01, 0.12);
            assertThat(s.quota().used()).isEqualTo(3);

            Set<String> reasons = Set.copyOf(a.jdbi.withHandle(h -> h.createQuery(
                    "SELECT DISTINCT not_sent_reason FROM recipient WHERE not_sent_reason IS NOT NULL")
                    .mapTo(String.class).list()));
            assertThat(reasons).contains(NotSentReason.PREVIOUSLY_BOUNCED.name(), NotSentReason.GLOBAL_BOUNCE.name(),
                    NotSentReason.UNSUBSCRIBED.name(), NotSentReason.UNCONFIRMED.name(),
                    NotSentReason.PURCHASED_LIST.name(), NotSentReason.INVALID_ADDRESS.name());
            long pending = a.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recipient WHERE outcome = 'PENDING'")
                    .mapTo(Long.class).one());
            assertThat(pending).as("the last email is still retrying").isPositive();
            assertThat(a.users.authenticate("support", "demo".toCharArray()).role())
                    .isEqualTo(io.bouncedesk.domain.Role.VIEWER);
            assertThat(a.users.list()).extracting(u -> u.username()).containsExactly("admin", "marketer", "support");
        }
    }

    @Test
    void aDifferentSeedBuildsADifferentWorkspaceAndAFullWorkspaceIsRefused() {
        Services a = build(dir.resolve("a"), 1);
        Services b = build(dir.resolve("b"), 2);
        try (var wa = a.workspace; var wb = b.workspace) {
            assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
            assertThatThrownBy(() -> a.demo().generate(new DemoDataGenerator.Plan(10, 1, 1), Progress.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds data");
        }
    }

    private static List<String> indexes(Services s) {
        return s.jdbi.withHandle(h -> h.createQuery(TestDatabases.postgres()
                        ? "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"
                        : "SELECT name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
                .mapTo(String.class).list());
    }

    @Test
    void theBuildLeavesEveryIndexOfTheSchemaInPlace() {
        Services built = build(dir.resolve("built"), 3);
        Services empty = new Services(TestDatabases.fresh(dir.resolve("empty")), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(3), new PasswordHasher(1_000));
        try (var wb = built.workspace; var we = empty.workspace) {
            assertThat(indexes(built)).isEqualTo(indexes(empty)).isNotEmpty();
            int leftovers = built.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workspace_setting"
                    + " WHERE name LIKE 'bulk_load.%'").mapTo(Integer.class).one());
            assertThat(leftovers).isZero();
        }
    }

    @Test
    void aCancelledBuildStopsAndStillHasItsIndexes() {
        Services s = new Services(TestDatabases.fresh(dir.resolve("c")), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(5), new PasswordHasher(1_000));
        Services empty = new Services(TestDatabases.fresh(dir.resolve("empty")), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(5), new PasswordHasher(1_000));
        try (var ws = s.workspace; var we = empty.workspace) {
            long[] seen = {0};
            Progress cancelDuringContacts = new Progress() {
                @Override
                public void update(long done, long total) {
                    seen[0] = done;
                }

                @Override
                public boolean isCancelled() {
                    return seen[0] >= 2_000; // after the first batches of contacts went in
                }
            };
            assertThatThrownBy(() -> s.demo().generate(new DemoDataGenerator.Plan(20_000, 2, 5), cancelDuringContacts))
                    .isInstanceOf(CancelledException.class);
            assertThat(indexes(s)).isEqualTo(indexes(empty));
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .as("the thread making contacts has stopped").doesNotContain("demo-contacts");
        }
    }
}
