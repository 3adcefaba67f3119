package io.bouncedesk.service;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboard's figures, each one aggregate query. */
public final class DashboardService {

    /** Bounces of one week (starting Monday, workspace time zone) per category. */
    public record Week(LocalDate monday, Map<BounceCategory, Long> byCategory) {
        public long total() {
            return byCategory.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A receiving domain and how many bounces its servers gave. */
    public record DomainCount(String domain, long bounces) {
    }

    private final Jdbi jdbi;
    private final WorkspaceSettings settings;
    private final ReportService reports;
    private final Clock clock;

    public DashboardService(Jdbi jdbi, WorkspaceSettings settings, ReportService reports, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
    }

    public WorkspaceSummary summary() {
        return reports.summary();
    }

    /** Bounces (hard and soft) of the last {@code weeks} weeks, oldest first, every week present. */
    public List<Week> bouncesByWeek(int weeks) {
        ZoneId zone = settings.timeZone();
        LocalDate thisMonday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisMonday.minusWeeks(weeks - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        TreeMap<LocalDate, Map<BounceCategory, Long>> byWeek = new TreeMap<>();
        for (int i = 0; i < weeks; i++) {
            byWeek.put(first.plusWeeks(i), new EnumMap<>(BounceCategory.class));
        }
        // grouped by day in SQL (an offset close enough for day buckets), folded into weeks here
        long offset = zone.getRules().getOffset(clock.instant()).getTotalSeconds() * 1000L;
        jdbi.useHandle(h -> h.createQuery("SELECT day, category, COUNT(*) AS n FROM (SELECT (occurred_at + :offset)"
                        + " / 86400000 AS day, category FROM bounce WHERE occurred_at >= :from) b GROUP BY day, category")
                .bind("offset", offset).bind("from", from.toEpochMilli())
                .map((rs, ctx) -> new Object[] {LocalDate.ofEpochDay(rs.getLong("day")),
                        BounceCategory.valueOf(rs.getString("category")), rs.getLong("n")})
                .forEach(row -> {
                    LocalDate monday = ((LocalDate) row[0]).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    Map<BounceCategory, Long> week = byWeek.get(monday);
                    if (week != null) {
                        week.merge((BounceCategory) row[1], (Long) row[2], Long::sum);
                    }
                }));
        return byWeek.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue())).toList();
    }

    /** Current hard bounces of addresses, by reason, most first. */
    public Map<BounceReason, Long> hardBounceReasons() {
        Map<BounceReason, Long> result = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT b.reason, COUNT(*) AS n FROM email_address a"
                        + " JOIN bounce b ON b.id = a.hard_bounce_id GROUP BY b.reason ORDER BY n DESC, b.reason")
                .map((rs, ctx) -> Map.entry(BounceReason.fromCode(rs.getString("reason")), rs.getLong("n")))
                .forEach(e -> result.merge(e.getKey(), e.getValue(), Long::sum)));
        return result;
    }

    /** The receiving domains whose servers bounced most, most first. */
    public List<DomainCount> topBouncingDomains(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.domain, COUNT(*) AS n FROM bounce b"
                        + " JOIN email_address a ON a.id = b.address_id GROUP BY a.domain ORDER BY n DESC, a.domain LIMIT :l")
                .bind("l", limit).map((rs, ctx) -> new DomainCount(rs.getString("domain"), rs.getLong("n"))).list());
    }

    /** Emails at or over the 5% hard-bounce or 0.1% spam-report line. */
    public List<EmailSummary> emailsOverTheLine() {
        return reports.emails(null).stream()
                .filter(e -> e.health().hardBounceWarning() || e.health().spamReportWarning()).toList();
    }

    public UnbounceQuota quota() {
        return reports.summary().quota();
    }
}
