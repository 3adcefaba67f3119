package io.bouncedesk.service;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.GlobalBounceDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports the platform's global bounce list feed (domain rules, section 6) from CSV, all rows or
 * none (see {@link CsvImport}). Columns by header name: address, category, first seen, and an
 * optional reason. The category is a {@link BounceCategory} name or label in any case
 * ("UNKNOWN_USER", "Unknown user", "unknown_user"); the reason a Sisimai code of that category
 * (blank: the category's main reason); first seen an ISO date (midnight in the workspace time
 * zone) or date-time (with an offset, or else in the workspace time zone). New and changed
 * entries go through {@link GlobalBounceService#apply}, which flags the address and re-derives
 * the status of its contacts; an entry already on the list unchanged counts as a duplicate.
 */
public final class GlobalBounceImportService {

    /** A feed is produced now; a first-seen date more than a day ahead is a mistake, not a time zone. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final GlobalBounceDao globals;
    private final GlobalBounceService service;
    private final WorkspaceSettings settings;
    private final AuditLogger audit;
    private final Clock clock;

    public GlobalBounceImportService(Jdbi jdbi, GlobalBounceDao globals, GlobalBounceService service,
                                     WorkspaceSettings settings, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.globals = globals;
        this.service = service;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public ImportReport importGlobalBounces(User user, Path file, CsvReadOptions read, boolean dryRun,
                                            Progress progress) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        ZoneId zone = settings.timeZone();
        try (CsvSource source = CsvSource.open(file, read)) {
            List<String> header = source.header();
            int address = HeaderNames.find(header, HeaderNames.EMAIL);
            if (address < 0) {
                address = HeaderNames.findMentioningEmail(header);
            }
            int category = HeaderNames.find(header, HeaderNames.CATEGORY);
            int reason = HeaderNames.find(header, HeaderNames.REASON);
            int firstSeen = HeaderNames.find(header, HeaderNames.FIRST_SEEN);
            Map<String, String> columns = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            column(header, address, "address", missing, columns);
            column(header, category, "category", missing, columns);
            column(header, firstSeen, "first seen", missing, columns);
            if (reason >= 0) {
                columns.put("reason", header.get(reason));
            }
            if (!missing.isEmpty()) {
                return CsvImport.headerRejected(source, dryRun, columns, "the file has no " + String.join(", ", missing)
                        + " column (columns: " + String.join(", ", header) + ")");
            }
            return CsvImport.run(jdbi, source, dryRun, progress, columns,
                    new EntryRows(user, source, address, category, reason, firstSeen, zone, clock.instant()));
        }
    }

    private static void column(List<String> header, int index, String name, List<String> missing,
                               Map<String, String> columns) {
        if (index < 0) {
            missing.add("'" + name + "'");
        } else {
            columns.put(name, header.get(index));
        }
    }

    /** "UNKNOWN_USER", "Unknown user", "unknown-user", "Spam / reputation"... */
    static Optional<BounceCategory> category(String text) {
        String n = HeaderNames.normalise(text);
        for (BounceCategory c : BounceCategory.values()) {
            if (!n.isEmpty() && (HeaderNames.normalise(c.name()).equals(n) || HeaderNames.normalise(c.label()).equals(n))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The reason an entry gets when the file names only its category. */
    static BounceReason mainReason(BounceCategory category) {
        if (category == BounceCategory.OTHER) {
            return BounceReason.UNDEFINED;
        }
        for (BounceReason r : BounceReason.values()) {
            if (r.category() == category) {
                return r;
            }
        }
        return BounceReason.UNDEFINED;
    }

    static Instant firstSeen(String text, ZoneId zone) throws RowRejectedException {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(iso.endsWith("Z") ? iso : iso.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                        .toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("first seen '" + text + "' is not an ISO date (2026-03-01)"
                    + " or date-time (2026-03-01T10:15:00Z)");
        }
    }

    private final class EntryRows implements CsvImport.Rows<GlobalBounceDao.Entry> {

        private final User user;
        private final CsvSource source;
        private final int address;
        private final int category;
        private final int reason;
        private final int firstSeen;
        private final ZoneId zone;
        private final Instant now;

        EntryRows(User user, CsvSource source, int address, int category, int reason, int firstSeen, ZoneId zone,
                  Instant now) {
            this.user = user;
            this.source = source;
            this.address = address;
            this.category = category;
            this.reason = reason;
            this.firstSeen = firstSeen;
            this.zone = zone;
            this.now = now;
        }

        @Override
        public GlobalBounceDao.Entry read(CsvRow row) throws RowRejectedException {
            String raw = row.cell(address);
            if (raw.isEmpty()) {
                throw new RowRejectedException("the address is missing");
            }
            EmailAddress a = EmailAddress.of(raw);
            if (!a.valid()) {
                throw new RowRejectedException("'" + raw + "' is not a valid email address");
            }
            String categoryText = row.cell(category);
            if (categoryText.isEmpty()) {
                throw new RowRejectedException("the category is missing");
            }
            BounceCategory c = category(categoryText).orElseThrow(() -> new RowRejectedException("unknown category '"
                    + categoryText + "' (use a name such as UNKNOWN_USER or a label such as Unknown user)"));
            BounceReason r = reason(row.cell(reason), c);
            String seenText = row.cell(firstSeen);
            if (seenText.isEmpty()) {
                throw new RowRejectedException("first seen is missing");
            }
            Instant seen = firstSeen(seenText, zone).truncatedTo(ChronoUnit.MILLIS);
            if (seen.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw new RowRejectedException("first seen " + seenText + " is in the future");
            }
            return new GlobalBounceDao.Entry(a.key(), c, r, seen);
        }

        private BounceReason reason(String text, BounceCategory c) throws RowRejectedException {
            if (text.isEmpty()) {
                return mainReason(c);
            }
            BounceReason r;
            try {
                r = BounceReason.valueOf(HeaderNames.normalise(text).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowRejectedException("unknown bounce reason '" + text + "'");
            }
            if (!r.isFailure()) {
                throw new RowRejectedException("'" + text + "' is not a bounce reason");
            }
            if (r.category() != c) {
                throw new RowRejectedException("reason '" + r.code() + "' belongs to " + r.category().label()
                        + ", not " + c.label());
            }
            return r;
        }

        @Override
        public String key(GlobalBounceDao.Entry item) {
            return item.addressKey();
        }

        @Override
        public String describe(GlobalBounceDao.Entry item) {
            return item.addressKey();
        }

        @Override
        public void write(Handle h, List<GlobalBounceDao.Entry> chunk, CsvImport.Counts counts) {
            List<GlobalBounceDao.Entry> apply = new ArrayList<>();
            for (GlobalBounceDao.Entry e : chunk) {
                Optional<GlobalBounceDao.Entry> existing = globals.find(h, e.addressKey());
                if (existing.isEmpty()) {
                    counts.imported++;
                    apply.add(e);
                } else if (existing.get().equals(e)) {
                    counts.duplicates++;
                } else {
                    counts.updated++;
                    apply.add(e);
                }
            }
            service.apply(h, apply);
        }

        @Override
        public void audit(Handle h, CsvImport.Counts counts) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("file", source.fileName());
            after.put("encoding", source.encoding().name());
            after.put("imported", counts.imported);
            after.put("updated", counts.updated);
            after.put("duplicates", counts.duplicates);
            after.put("rejected", 0);
            audit.record(h, user.username(), "IMPORT_GLOBAL_BOUNCES", AuditSubject.file(source.fileName()), null, after);
        }
    }
}
