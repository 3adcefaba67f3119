package io.bouncedesk.service;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AuditDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.RecipientExportDao;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * CSV exports of recipients, contacts and the audit log. Rows stream from the database to the
 * file in constant memory; header names are English and stable because scripts read them; times
 * are ISO 8601 with the workspace's offset.
 */
public final class ExportService {

    public static final List<String> RECIPIENT_HEADER = List.of("email", "first_name", "last_name", "company",
            "recipient_status", "bounce_type", "bounce_category", "bounce_reason", "smtp_status", "reply_code",
            "diagnostic", "remote_server", "event_time", "not_sent_reason", "opened", "clicked");
    public static final List<String> CONTACT_HEADER = List.of("email", "first_name", "last_name", "company", "source",
            "purchased_list", "status", "hard_bounce_category", "hard_bounce_reason", "hard_bounce_smtp_status",
            "hard_bounce_diagnostic", "hard_bounce_time", "global_bounce", "created_at");
    public static final List<String> AUDIT_HEADER = List.of("time", "user", "action", "subject", "before", "after");

    private static final int PAGE = 2_000;

    private final Jdbi jdbi;
    private final RecipientListDao recipientLists;
    private final RecipientExportDao recipientExports;
    private final EmailDao emails;
    private final ContactDao contacts;
    private final AuditDao audit;
    private final WorkspaceSettings settings;

    public ExportService(Jdbi jdbi, RecipientListDao recipientLists, RecipientExportDao recipientExports,
                         EmailDao emails, ContactDao contacts, AuditDao audit, WorkspaceSettings settings) {
        this.jdbi = jdbi;
        this.recipientLists = recipientLists;
        this.recipientExports = recipientExports;
        this.emails = emails;
        this.contacts = contacts;
        this.audit = audit;
        this.settings = settings;
    }

    /** Exports one tab (or ALL) of an email's recipients; returns the number of rows written. */
    public long recipients(User user, long emailId, RecipientTab tab, Path out, CsvOptions options, Progress progress) {
        return recipients(user, RecipientQuery.of(emailId, tab), out, options, progress);
    }

    /** Exports the recipients a query selects (a tab with its search and sort as shown). */
    public long recipients(User user, RecipientQuery query, Path out, CsvOptions options, Progress progress) {
        PermissionDeniedException.check(user, Permission.EXPORT);
        jdbi.useHandle(h -> emails.find(h, query.emailId())
                .orElseThrow(() -> new NotFoundException("No marketing email with id " + query.emailId() + ".")));
        ZoneId zone = settings.timeZone();
        try (CsvExportFile file = new CsvExportFile(out, options, RECIPIENT_HEADER)) {
            long total = jdbi.withHandle(h -> recipientLists.count(h, query));
            progress.update(0, total);
            // cells go from the database to the file as UTF-8 bytes; see RecipientExport
            new RecipientExport(jdbi, recipientExports, query, file, zone, progress, total).run();
            progress.update(file.rows(), total);
            return file.commit();
        }
    }

    /** Exports the contacts a filter selects, with their address's current hard bounce. */
    public long contacts(User user, ContactFilter filter, Path out, CsvOptions options, Progress progress) {
        PermissionDeniedException.check(user, Permission.EXPORT);
        ZoneId zone = settings.timeZone();
        try (CsvExportFile file = new CsvExportFile(out, options, CONTACT_HEADER)) {
            long total = jdbi.withHandle(h -> contacts.count(h, filter));
            long after = 0;
            while (true) {
                progress.checkCancelled();
                long from = after;
                List<ContactDao.ExportRow> page = jdbi.withHandle(h -> contacts.exportPage(h, filter, from, PAGE));
                for (ContactDao.ExportRow e : page) {
                    var c = e.contact();
                    file.row(c.address().address(), c.firstName(), c.lastName(), c.company(), c.source(),
                            c.purchasedList(), c.status().name().toLowerCase(Locale.ROOT), lower(e.category()),
                            e.reason(), e.smtpStatus(), e.diagnostic(), time(e.bouncedAt(), zone),
                            c.address().globalBounced(), time(c.createdAt(), zone));
                }
                progress.update(file.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).contact().id();
            }
            return file.commit();
        }
    }

    /** Exports a segment's members with the contact columns. */
    public long segment(User user, SegmentService segments, long segmentId, Path out, CsvOptions options,
                        Progress progress) {
        PermissionDeniedException.check(user, Permission.EXPORT);
        ZoneId zone = settings.timeZone();
        long total = segments.count(segmentId);
        io.bouncedesk.persistence.BounceDao bounces = new io.bouncedesk.persistence.BounceDao();
        try (CsvExportFile file = new CsvExportFile(out, options, CONTACT_HEADER)) {
            long after = 0;
            while (true) {
                progress.checkCancelled();
                List<io.bouncedesk.persistence.ContactRow> page = segments.members(segmentId, after, PAGE);
                for (var c : page) {
                    var b = c.address().hardBounced()
                            ? jdbi.withHandle(h -> bounces.find(h, c.address().hardBounceId())).orElse(null) : null;
                    file.row(c.address().address(), c.firstName(), c.lastName(), c.company(), c.source(),
                            c.purchasedList(), c.status().name().toLowerCase(Locale.ROOT),
                            b == null ? null : lower(b.category()), b == null ? null : b.reason().code(),
                            b == null ? null : b.smtpStatus(), b == null ? null : b.diagnostic(),
                            b == null ? null : time(b.occurredAt(), zone), c.address().globalBounced(),
                            time(c.createdAt(), zone));
                }
                progress.update(file.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            return file.commit();
        }
    }

    /** Exports the whole audit log, oldest first. */
    public long audit(User user, Path out, CsvOptions options, Progress progress) {
        PermissionDeniedException.check(user, Permission.EXPORT);
        ZoneId zone = settings.timeZone();
        try (CsvExportFile file = new CsvExportFile(out, options, AUDIT_HEADER)) {
            jdbi.useHandle(h -> audit.streamOldestFirst(h, e -> {
                file.row(time(e.at(), zone), e.username(), e.action(), e.subject(), e.beforeJson(), e.afterJson());
                if (file.rows() % 1000 == 0) {
                    progress.checkCancelled();
                    progress.update(file.rows(), -1);
                }
            }));
            return file.commit();
        }
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
