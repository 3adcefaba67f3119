package io.bouncedesk.service;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.RecipientExportDao;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportServiceTest {

    static final String[][] PEOPLE = {
            {"Anna, the \"first\"", "Wiśniewska-Żółć", "Łódź \"Przędzalnia\", S.A."},
            {"=HYPERLINK(\"http://evil\")", "+1", "-2+3"},
            {"@SUM(A1)", "Dvořák 😀", "Pivovar\nKučera s.r.o."},
            {"Jørgen", "Sørensen", "\tTabbed"},
    };

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        for (int i = 0; i < PEOPLE.length; i++) {
            long id = t.contact("person" + i + "@example.org");
            int n = i;
            t.services.jdbi.useHandle(h -> h.createUpdate("UPDATE contact SET first_name = :f, last_name = :l,"
                    + " company = :c WHERE id = :id").bind("f", PEOPLE[n][0]).bind("l", PEOPLE[n][1])
                    .bind("c", PEOPLE[n][2]).bind("id", id).execute());
        }
        t.contact("gone@example.org", true, true);
        t.transport.reply("person1@example.org", ScriptedTransport.USER_UNKNOWN);
        emailId = t.send("Export me").emailId();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    static List<CsvRecord> read(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(text)) {
            return reader.stream().toList();
        }
    }

    @Test
    void roundTripMatchesTheDatabaseRowByRow() throws Exception {
        Path out = dir.resolve("all.csv");
        long rows = t.services.exports.recipients(t.viewer, emailId, RecipientTab.ALL, out, new CsvOptions(',', true),
                Progress.NONE);

        assertThat(rows).isEqualTo(5);
        assertThat(Files.readAllBytes(out)).startsWith(0xEF, 0xBB, 0xBF);
        List<CsvRecord> records = read(out, ',');
        assertThat(records.get(0).getFields()).isEqualTo(ExportService.RECIPIENT_HEADER);
        List<RecipientListDao.Item> db = new ArrayList<>();
        t.services.jdbi.useHandle(h -> new RecipientListDao().stream(h, RecipientQuery.of(emailId, RecipientTab.ALL), db::add));
        assertThat(records).hasSize(db.size() + 1);
        for (int i = 0; i < db.size(); i++) {
            CsvRecord r = records.get(i + 1);
            RecipientListDao.Item item = db.get(i);
            assertThat(r.getField(0)).isEqualTo(item.recipient().address());
            assertThat(unprotect(r.getField(1))).isEqualTo(item.firstName());
            assertThat(unprotect(r.getField(2))).isEqualTo(item.lastName());
            assertThat(unprotect(r.getField(3))).isEqualTo(item.company());
            assertThat(r.getField(4)).isEqualTo(item.recipient().outcome().name().toLowerCase(Locale.ROOT));
        }
        CsvRecord anna = records.get(1);
        assertThat(anna.getField(1)).isEqualTo("Anna, the \"first\"");
        assertThat(anna.getField(2)).isEqualTo("Wiśniewska-Żółć");
        CsvRecord evil = records.get(2);
        assertThat(evil.getField(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(evil.getField(2)).isEqualTo("'+1");
        assertThat(evil.getField(3)).isEqualTo("'-2+3");
        assertThat(evil.getField(4)).isEqualTo("bounced");
        assertThat(evil.getField(5)).isEqualTo("hard");
        assertThat(evil.getField(6)).isEqualTo("unknown_user");
        assertThat(evil.getField(7)).isEqualTo("userunknown");
        assertThat(evil.getField(8)).isEqualTo("5.1.1");
        assertThat(evil.getField(9)).isEqualTo("550");
        assertThat(evil.getField(12)).isEqualTo("2026-03-10T10:00:00+01:00");
        CsvRecord third = records.get(3);
        assertThat(third.getField(1)).isEqualTo("'@SUM(A1)");
        assertThat(third.getField(2)).isEqualTo("Dvořák 😀");
        assertThat(third.getField(3)).isEqualTo("Pivovar\nKučera s.r.o.");
        assertThat(records.get(4).getField(3)).isEqualTo("'\tTabbed");
        assertThat(records.get(5).getField(13)).isEqualTo("purchased_list");
    }

    private static String unprotect(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    @Test
    void oneTabSemicolonsAndNoBom() throws Exception {
        Path out = dir.resolve("bounced.csv");
        long rows = t.services.exports.recipients(t.viewer, emailId, RecipientTab.BOUNCED, out, new CsvOptions(';', false),
                Progress.NONE);
        assertThat(rows).isEqualTo(1);
        assertThat(Files.readAllBytes(out)[0]).isEqualTo((byte) 'e');
        List<CsvRecord> records = read(out, ';');
        assertThat(records.get(1).getField(0)).isEqualTo("person1@example.org");
        assertThat(CsvOptions.forLanguage(Locale.forLanguageTag("pl")).delimiter()).isEqualTo(';');
        assertThat(CsvOptions.forLanguage(Locale.forLanguageTag("cs")).delimiter()).isEqualTo(';');
        assertThat(CsvOptions.forLanguage(Locale.ENGLISH).delimiter()).isEqualTo(',');
        assertThat(CsvOptions.forLanguage(Locale.ENGLISH).bom()).isTrue();
    }

    @Test
    void cancellingLeavesNoFileAndAnExistingFileUntouched() throws Exception {
        Path out = dir.resolve("exports/cancel.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "previous export");
        Progress cancelAtOnce = Cancelling.AT_ONCE;
        assertThatThrownBy(() -> t.services.exports.contacts(t.viewer, ContactFilter.all(), out,
                new CsvOptions(',', true), cancelAtOnce)).isInstanceOf(CancelledException.class);
        assertThat(Files.readString(out)).isEqualTo("previous export");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cancel.csv");
        }
    }

    @Test
    void aMissingFolderOrEmailIsAClearError() {
        assertThatThrownBy(() -> t.services.exports.audit(t.viewer, dir.resolve("nope/audit.csv"),
                new CsvOptions(',', true), Progress.NONE)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> t.services.exports.recipients(t.viewer, 999, RecipientTab.ALL, dir.resolve("x.csv"),
                new CsvOptions(',', true), Progress.NONE)).isInstanceOf(NotFoundException.class);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void contactsWithFiltersAndTheAuditLog() throws Exception {
        Path contacts = dir.resolve("bounced-contacts.csv");
        long rows = t.services.exports.contacts(t.viewer, new ContactFilter(null, ContactStatus.BOUNCED, true, null, false),
                contacts, new CsvOptions(',', true), Progress.NONE);
        assertThat(rows).isEqualTo(1);
        List<CsvRecord> records = read(contacts, ',');
        assertThat(records.get(0).getFields()).isEqualTo(ExportService.CONTACT_HEADER);
        assertThat(records.get(1).getField(0)).isEqualTo("person1@example.org");
        assertThat(records.get(1).getField(6)).isEqualTo("bounced");
        assertThat(records.get(1).getField(7)).isEqualTo("unknown_user");
        assertThat(records.get(1).getField(8)).isEqualTo("userunknown");

        Path audit = dir.resolve("audit.csv");
        long entries = t.services.exports.audit(t.viewer, audit, new CsvOptions(',', true), Progress.NONE);
        List<CsvRecord> log = read(audit, ',');
        assertThat(log).hasSize((int) entries + 1);
        assertThat(log.get(0).getFields()).isEqualTo(ExportService.AUDIT_HEADER);
        assertThat(log.stream().map(r -> r.getField(2))).contains("USER_CREATED", "EMAIL_SENT");
    }

    /** Exports through RecipientExport with the given range size and readers; returns the file's bytes. */
    private byte[] export(RecipientQuery query, long rowsPerRange, int readers, Progress progress) throws Exception {
        Path out = dir.resolve("ranges-" + rowsPerRange + "-" + readers + ".csv");
        long total = t.services.jdbi.withHandle(h -> new RecipientListDao().count(h, query));
        try (CsvExportFile file = new CsvExportFile(out, new CsvOptions(',', true), ExportService.RECIPIENT_HEADER)) {
            new RecipientExport(t.services.jdbi, new RecipientExportDao(), query, file,
                    java.time.ZoneId.of("Europe/Warsaw"), progress, total, rowsPerRange, 0, readers).run();
            assertThat(file.commit()).isEqualTo(total);
        }
        return Files.readAllBytes(out);
    }

    @Test
    void idRangesReadInParallelMakeTheSameFileAsOneQuery() throws Exception {
        // more recipients, so that ranges hold several rows, some none
        for (int i = 0; i < 40; i++) {
            t.contact("more" + i + "@example.org");
        }
        t.transport.reply("more7@example.org", ScriptedTransport.USER_UNKNOWN);
        long second = t.send("Second").emailId();
        for (RecipientQuery query : List.of(RecipientQuery.of(emailId, RecipientTab.ALL),
                RecipientQuery.of(second, RecipientTab.ALL),
                RecipientQuery.of(second, RecipientTab.ALL).sortedBy(RecipientQuery.Sort.ID, true),
                RecipientQuery.of(second, RecipientTab.DELIVERED),
                RecipientQuery.of(second, RecipientTab.ALL).withSearch("more1"))) {
            Path service = dir.resolve("service.csv");
            t.services.exports.recipients(t.viewer, query, service, new CsvOptions(',', true), Progress.NONE);
            byte[] expected = Files.readAllBytes(service);
            assertThat(export(query, 1_000_000, 1, Progress.NONE)).as("one query, %s", query).isEqualTo(expected);
            for (long perRange : new long[] {1, 3, 7}) {
                assertThat(export(query, perRange, 2, Progress.NONE)).as("%d per range, %s", perRange, query)
                        .isEqualTo(expected);
            }
        }
        List<CsvRecord> records = read(dir.resolve("service.csv"), ',');
        assertThat(records).hasSizeGreaterThan(1);
        assertThat(records.get(0).getFields()).isEqualTo(ExportService.RECIPIENT_HEADER);
        List<CsvRecord> all = read(dir.resolve("ranges-3-2.csv"), ',');
        assertThat(all.stream().skip(1).map(r -> r.getField(0)).toList()).doesNotHaveDuplicates();
    }

    @Test
    void rangesSplitTheIdsWithoutGapsOrOverlap() {
        List<long[]> ranges = RecipientExport.ranges(10, 109, 50, 10, false);
        assertThat(ranges).hasSize(5);
        assertThat(ranges.get(0)).containsExactly(10, 29);
        assertThat(ranges.get(4)).containsExactly(90, 109);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).isEqualTo(ranges.get(i - 1)[1] + 1);
        }
        assertThat(RecipientExport.ranges(5, 5, 1, 20_000, false)).singleElement()
                .satisfies(r -> assertThat(r).containsExactly(5, 5));
        List<long[]> down = RecipientExport.ranges(1, 1_000_000, 1_000_000, 20_000, true);
        assertThat(down).hasSize(50);
        assertThat(down.get(0)).containsExactly(980_001, 1_000_000);
        assertThat(down.get(49)).containsExactly(1, 20_000);
    }

    @Test
    void cancellingWhileRangesAreReadLeavesNoFile() throws Exception {
        for (int i = 0; i < 40; i++) {
            t.contact("more" + i + "@example.org");
        }
        long second = t.send("Second").emailId();
        int[] updates = {0};
        Progress cancelAfterTwoRanges = new Progress() {
            @Override
            public void update(long done, long total) {
                updates[0]++;
            }

            @Override
            public boolean isCancelled() {
                return updates[0] > 2;
            }
        };
        Path out = dir.resolve("cancelled.csv");
        long total = t.services.jdbi.withHandle(h -> new RecipientListDao().count(h, RecipientQuery.of(second, RecipientTab.ALL)));
        assertThatThrownBy(() -> {
            try (CsvExportFile file = new CsvExportFile(out, new CsvOptions(',', true), ExportService.RECIPIENT_HEADER)) {
                new RecipientExport(t.services.jdbi, new RecipientExportDao(), RecipientQuery.of(second, RecipientTab.ALL),
                        file, java.time.ZoneId.of("UTC"), cancelAfterTwoRanges, total, 2, 0, 2).run();
                file.commit();
            }
        }).isInstanceOf(CancelledException.class);
        assertThat(updates[0]).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("cancelled"));
        }
    }

    @Test
    void eventTimesReadAsTheIsoFormatterWritesThem() {
        java.util.Random random = new java.util.Random(3);
        for (String zoneId : List.of("Europe/Warsaw", "UTC", "Asia/Kathmandu", "America/St_Johns", "Europe/Amsterdam",
                "Australia/Lord_Howe", "America/Cuiaba")) {
            java.time.ZoneId zone = java.time.ZoneId.of(zoneId);
            RecipientExport.Encoder encoder = new RecipientExport.Encoder(zone);
            List<Long> times = new ArrayList<>();
            // around this zone's offset changes: DST, Lord Howe's half hour, and local mean times with
            // offsets in seconds that change in the middle of a minute (Cuiabá, 1914: -03:44:20 to -04:00)
            var transition = zone.getRules().nextTransition(java.time.Instant.parse("1800-01-01T00:00:00Z"));
            for (int i = 0; i < 60 && transition != null; i++) {
                long at = transition.getInstant().toEpochMilli();
                for (long d : new long[] {-60_001, -60_000, -1_001, -1, 0, 1, 999, 59_999, 60_000}) {
                    times.add(at + d);
                }
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
            for (int i = 0; i < 3_000; i++) {
                // a few hundred minutes, many sharing a cache slot; whole seconds and every kind of millisecond
                long minute = 29_000_000L + random.nextInt(400) * 977L;
                int ms = switch (i % 4) {
                    case 0 -> random.nextInt(60) * 1000;
                    case 1 -> random.nextInt(60_000);
                    case 2 -> random.nextInt(600) * 100;
                    default -> random.nextInt(6_000) * 10;
                };
                times.add(minute * 60_000 + ms);
            }
            times.addAll(List.of(0L, -1L, -61_001L, -62_135_596_800_000L, 253_402_300_799_999L, 1_773_136_800_000L));
            for (long ms : times) {
                assertThat(new String(encoder.time(ms), StandardCharsets.UTF_8)).as("%s in %s", ms, zoneId)
                        .isEqualTo(ExportService.time(java.time.Instant.ofEpochMilli(ms), zone));
            }
        }
    }

    @Test
    void formulaPrefixes() {
        assertThat(CsvExportFile.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExportFile.safe("\rx")).isEqualTo("'\rx");
        assertThat(CsvExportFile.safe("a=b")).isEqualTo("a=b");
        assertThat(CsvExportFile.safe("")).isEmpty();
        assertThat(CsvExportFile.safe(null)).isEmpty();
        assertThat(CsvExportFile.safe(true)).isEqualTo("true");
    }
}
