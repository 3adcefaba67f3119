package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.persistence.AuditDao;
import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.GlobalBounceDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contacts CSV import: all or nothing, create or update by address, dry run, cancel, report. */
class ContactImportServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    Path csv(String name, String text) throws IOException {
        return csv(name, text, StandardCharsets.UTF_8);
    }

    Path csv(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    ImportReport importFile(Path file, ContactImportOptions options) {
        return t.services.contactImports.importContacts(t.marketer, file, CsvReadOptions.DETECT, null, options,
                Progress.NONE);
    }

    ImportReport importFile(Path file) {
        return importFile(file, ContactImportOptions.DEFAULT);
    }

    long contacts() {
        return t.services.contacts.count(ContactFilter.all());
    }

    ContactRow contact(String address) {
        return t.services.contacts.findByAddress(address).orElseThrow();
    }

    List<AuditEntry> audit() {
        return t.services.jdbi.withHandle(h -> new AuditDao().list(h, 100)).stream()
                .filter(e -> e.action().startsWith("IMPORT")).toList();
    }

    @Test
    void createsContactsWithTheSourceLabelAndPurchasedFlagAndWritesOneAuditEntry() throws IOException {
        Path file = csv("fair.csv", "Adres e-mail;Imię;Nazwisko;Firma\r\n"
                + "anna@example.pl;Anna;Wiśniewska;Zakład Łódź\r\n"
                + "Jan.Kowalski@Example.PL;Jan;Kowalski;\r\n");

        ImportReport r = importFile(file, new ContactImportOptions("Trade fair 2026", true, false));

        assertThat(r.accepted()).isTrue();
        assertThat(r.written()).isTrue();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.updated() + r.duplicates() + r.rejected()).isZero();
        assertThat(r.columns()).containsEntry("email", "Adres e-mail").containsEntry("company", "Firma");
        ContactRow anna = contact("anna@example.pl");
        assertThat(anna.firstName()).isEqualTo("Anna");
        assertThat(anna.lastName()).isEqualTo("Wiśniewska");
        assertThat(anna.company()).isEqualTo("Zakład Łódź");
        assertThat(anna.source()).isEqualTo("Trade fair 2026");
        assertThat(anna.purchasedList()).isTrue();
        assertThat(anna.status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(contact("jan.kowalski@example.pl").address().address()).isEqualTo("Jan.Kowalski@example.pl");
        assertThat(t.services.contacts.details(anna.id()).suppressedBecause()).contains(NotSentReason.PURCHASED_LIST);
        String nameKey = t.services.jdbi.withHandle(h -> h.createQuery("SELECT name_key FROM contact WHERE id = :id")
                .bind("id", anna.id()).mapTo(String.class).one());
        assertThat(nameKey).as("the name search key").isEqualTo("anna wiśniewska");

        List<AuditEntry> audit = audit();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).action()).isEqualTo("IMPORT_CONTACTS");
        assertThat(audit.get(0).username()).isEqualTo("marketer");
        assertThat(audit.get(0).subject()).isEqualTo("fair.csv");
        assertThat(audit.get(0).afterJson()).contains("\"imported\":2", "\"updated\":0", "\"file\":\"fair.csv\"");
    }

    @Test
    void withoutASourceLabelCreatedContactsNameTheFile() throws IOException {
        importFile(csv("list.csv", "email\nx@example.org\n"));
        assertThat(contact("x@example.org").source()).isEqualTo("CSV import list.csv");
        assertThat(contact("x@example.org").purchasedList()).isFalse();
    }

    @Test
    void oneBadRowImportsNothingAndTheReportNamesItsPhysicalLine() throws IOException {
        long before = contacts();
        Path file = csv("bad.csv", "email,first_name,last_name,company\r\n"
                + "anna@example.org,Anna,Nowak,\"Zakład\r\nŁódź\"\r\n"
                + "bad-address,Bob,Smith,Acme\r\n"
                + "carl@example.org,Carl,Berg,Acme\r\n");

        ImportReport r = importFile(file);

        assertThat(r.accepted()).isFalse();
        assertThat(r.written()).isFalse();
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rejectedRows()).containsExactly(new RejectedRow(4, "'bad-address' is not a valid email address"));
        assertThat(r.imported() + r.updated() + r.duplicates()).as("nothing happened").isZero();
        assertThat(contacts()).isEqualTo(before);
        assertThat(t.services.contacts.findByAddress("anna@example.org")).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void aBadRowAfterChunksAlreadyWrittenRollsThemBack() throws IOException {
        StringBuilder text = new StringBuilder("email\n");
        for (int i = 0; i < CsvImport.CHUNK * 2 + 100; i++) {
            text.append("p").append(i).append("@example.org\n");
        }
        text.append("last@@example.org\n");

        ImportReport r = importFile(csv("late-error.csv", text.toString()));

        assertThat(r.rejectedRows()).containsExactly(new RejectedRow(CsvImport.CHUNK * 2 + 102,
                "'last@@example.org' is not a valid email address"));
        assertThat(contacts()).isZero();
        long addresses = t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM email_address")
                .mapTo(Long.class).one());
        assertThat(addresses).isZero();
    }

    @Test
    void everyProblemIsListedMissingCellsAndDuplicatesInsideTheFileToo() throws IOException {
        Path file = csv("many.csv", "E-mail;Jméno\n"
                + "a@example.cz;Alena\n"
                + ";Bez adresy\n"
                + "A@EXAMPLE.cz;Again\n"
                + "b@example.cz;" + "x".repeat(300) + "\n"
                + "c@example.cz;Cyril\n");

        ImportReport r = importFile(file);

        assertThat(r.rejectedRows()).containsExactly(
                new RejectedRow(3, "the email is missing"),
                new RejectedRow(4, "duplicate of line 2 (A@example.cz)"),
                new RejectedRow(5, "the first name is longer than 255 characters"));
        assertThat(contacts()).isZero();
    }

    @Test
    void anUnclosedQuoteIsNamedOnTheLineWhereItOpens() throws IOException {
        StringBuilder text = new StringBuilder("email,company\nok@example.org,Acme\nquote@example.org,\"Acme\n");
        for (int i = 0; i < 30; i++) {
            text.append("row").append(i).append("@example.org,Company number ").append(i).append('\n');
        }
        ImportReport r = importFile(csv("quote.csv", text.toString()));
        assertThat(r.rejectedRows()).containsExactly(new RejectedRow(3,
                "the company is longer than 255 characters (does a quote in it lack its closing quote?)"));
    }

    @Test
    void aFileWithoutAnEmailColumnIsRejectedOnItsHeaderLine() throws IOException {
        ImportReport r = importFile(csv("names.csv", "Name,Phone\nAnna,123\n"));
        assertThat(r.rejectedRows()).containsExactly(new RejectedRow(1, "no column is mapped to email (columns: Name, Phone)"));
        ImportReport noHeader = importFile(csv("noheader.csv", "anna@example.org,Anna\nbob@example.org,Bob\n"));
        assertThat(noHeader.rejectedRows().get(0).reason()).contains("the first line must name the columns");
    }

    @Test
    void updatesTheContactWhoseCurrentAddressHasTheKeyAndKeepsWhatTheFileLeavesEmpty() throws IOException {
        long id = t.contact("anna@example.org");
        t.services.jdbi.useHandle(h -> h.execute("UPDATE contact SET company = 'Old Co' WHERE id = ?", id));
        ContactRow before = contact("anna@example.org");

        ImportReport r = importFile(csv("update.csv", "email,first_name,last_name,company\n"
                + "ANNA@example.org,Anna,Nowak-Kowalska,\n"
                + "new@example.org,New,Person,New Co\n"), new ContactImportOptions("Webinar", true, false));

        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        ContactRow after = contact("anna@example.org");
        assertThat(after.id()).isEqualTo(id);
        assertThat(after.firstName()).isEqualTo("Anna");
        assertThat(after.lastName()).isEqualTo("Nowak-Kowalska");
        assertThat(after.company()).as("an empty cell keeps the value").isEqualTo("Old Co");
        assertThat(after.source()).as("source and purchased flag apply to created contacts only").isEqualTo(before.source());
        assertThat(after.purchasedList()).isFalse();
        assertThat(contact("new@example.org").source()).isEqualTo("Webinar");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() throws IOException {
        Path file = csv("twice.csv", "email,first_name\none@example.org,One\ntwo@example.org,Two\n");
        ImportReport first = importFile(file);
        assertThat(first.imported()).isEqualTo(2);

        ImportReport second = importFile(file);

        assertThat(second.imported()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(contacts()).isEqualTo(2);
    }

    @Test
    void aDryRunWritesNothingButReportsTheSameCounts() throws IOException {
        t.contact("known@example.org");
        Path file = csv("dry.csv", "email,last_name\nknown@example.org,Changed\nfresh@example.org,Fresh\n");

        ImportReport dry = importFile(file, ContactImportOptions.DEFAULT.asDryRun());

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.written()).isFalse();
        assertThat(contacts()).isEqualTo(1);
        assertThat(contact("known@example.org").lastName()).isEqualTo("known");
        assertThat(audit()).isEmpty();
        ImportReport real = importFile(file);
        assertThat(List.of(real.imported(), real.updated(), real.duplicates(), real.rejected()))
                .isEqualTo(List.of(dry.imported(), dry.updated(), dry.duplicates(), dry.rejected()))
                .isEqualTo(List.of(1L, 1L, 0L, 0L));
    }

    @Test
    void anImportedAddressThatBouncedBeforeMakesTheContactBouncedAtOnce() throws IOException {
        long id = t.contact("old@example.org");
        t.transport.reply("old@example.org", ScriptedTransport.USER_UNKNOWN);
        t.send("First");
        t.services.contacts.changeAddress(t.admin, id, "fresh@example.org");
        t.services.jdbi.useTransaction(h -> t.services.globalBounces.apply(h, List.of(new GlobalBounceDao.Entry(
                "listed@example.org", BounceReason.USERUNKNOWN.category(), BounceReason.USERUNKNOWN, Instant.EPOCH))));

        ImportReport r = importFile(csv("back.csv", "email\nOLD@example.org\nlisted@EXAMPLE.org\nclean@example.org\n"));

        assertThat(r.imported()).isEqualTo(3);
        ContactRow old = contact("old@example.org");
        assertThat(old.id()).isNotEqualTo(id);
        assertThat(old.status()).isEqualTo(ContactStatus.BOUNCED);
        assertThat(t.services.contacts.details(old.id()).suppressedBecause()).contains(NotSentReason.PREVIOUSLY_BOUNCED);
        ContactRow listed = contact("listed@example.org");
        assertThat(listed.status()).isEqualTo(ContactStatus.BOUNCED);
        assertThat(listed.address().globalBounced()).isTrue();
        assertThat(t.services.contacts.details(listed.id()).suppressedBecause()).contains(NotSentReason.GLOBAL_BOUNCE);
        assertThat(contact("clean@example.org").status()).isEqualTo(ContactStatus.ACTIVE);
    }

    @Test
    void cancellingRollsEverythingBack() throws IOException {
        StringBuilder text = new StringBuilder("email\n");
        for (int i = 0; i < 1_200; i++) {
            text.append("p").append(i).append("@example.org\n");
        }
        Path file = csv("big.csv", text.toString());
        Progress cancelAfterFirstChunk = new Progress() {
            volatile boolean cancelled;

            @Override
            public void update(long done, long total) {
                cancelled |= done >= CsvImport.CHUNK;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        assertThatThrownBy(() -> t.services.contactImports.importContacts(t.marketer, file, CsvReadOptions.DETECT,
                null, ContactImportOptions.DEFAULT, cancelAfterFirstChunk)).isInstanceOf(CancelledException.class);

        assertThat(contacts()).isZero();
        assertThat(audit()).isEmpty();
        assertThat(importFile(file).imported()).as("the workspace is usable afterwards").isEqualTo(1_200);
    }

    @Test
    void theReportIsSavedAsCsv() throws IOException {
        ImportReport r = importFile(csv("r.csv", "email\nok@example.org\n=cmd@\n\nnope\n"));
        Path out = dir.resolve("rejected.csv");

        r.saveCsv(out, new CsvOptions(';', false));

        assertThat(Files.readAllLines(out)).containsExactly("line;reason",
                "3;'=cmd@' is not a valid email address", "5;'nope' is not a valid email address");
    }

    @Test
    void theMappingTheUserChoseIsUsedAndAWindows1250FileKeepsItsLetters() throws IOException {
        Path file = csv("cz.csv", "Jméno;Příjmení;E-mail;Soukromý e-mail\r\nJiří;Dvořák;prace@example.cz;jiri@example.cz\r\n",
                Charset.forName("windows-1250"));
        CsvPreview preview = t.services.contactImports.preview(t.marketer, file, CsvReadOptions.DETECT);
        ColumnMapping mapping = preview.suggestedMapping().with(ColumnMapping.Field.EMAIL, "Soukromý e-mail");

        ImportReport r = t.services.contactImports.importContacts(t.marketer, file, CsvReadOptions.DETECT, mapping,
                ContactImportOptions.DEFAULT, Progress.NONE);

        assertThat(r.encoding()).isEqualTo("windows-1250");
        assertThat(r.imported()).isEqualTo(1);
        assertThat(contact("jiri@example.cz").lastName()).isEqualTo("Dvořák");
        assertThat(t.services.contacts.findByAddress("prace@example.cz")).isEmpty();
    }

    @Test
    void viewersMayNotImport() throws IOException {
        Path file = csv("v.csv", "email\nv@example.org\n");
        assertThatThrownBy(() -> t.services.contactImports.importContacts(t.viewer, file, CsvReadOptions.DETECT, null,
                ContactImportOptions.DEFAULT, Progress.NONE)).isInstanceOf(PermissionDeniedException.class);
        assertThat(importFile(file).imported()).isEqualTo(1);
        assertThat(t.services.contactImports.importContacts(t.admin, file, CsvReadOptions.DETECT, null,
                ContactImportOptions.DEFAULT, Progress.NONE).duplicates()).isEqualTo(1);
    }
}
