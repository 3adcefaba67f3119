package io.bouncedesk.service;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.persistence.AuditDao;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The global bounce list import: flags addresses, contacts become Bounced, the next send says why. */
class GlobalBounceImportServiceTest {

    static final String LIST = "address,category,reason,first seen\n"
            + "Anna@Example.org,UNKNOWN_USER,,2026-02-01\n"
            + "bob@example.org,Mailbox full,mailboxfull,2026-02-02T10:00:00Z\n"
            + "nobody@example.org,bad_domain,,2026-01-15 08:30\n";

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
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    ImportReport importFile(Path file, boolean dryRun) {
        return t.services.globalBounceImports.importGlobalBounces(t.marketer, file, CsvReadOptions.DETECT, dryRun,
                Progress.NONE);
    }

    Optional<GlobalBounceDao.Entry> entry(String address) {
        return t.services.jdbi.withHandle(h -> new GlobalBounceDao().find(h, EmailAddress.keyOf(address)));
    }

    long listSize() {
        return t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM global_bounce").mapTo(Long.class).one());
    }

    @Test
    void flagsTheAddressesAndTheirContactsBecomeBouncedAndAreNotSentTo() throws IOException {
        long anna = t.contact("anna@example.org");
        long bob = t.contact("bob@example.org");
        long carl = t.contact("carl@example.org");

        ImportReport r = importFile(csv("global.csv", LIST), false);

        assertThat(r.written()).isTrue();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(entry("anna@example.org")).contains(new GlobalBounceDao.Entry("anna@example.org",
                BounceCategory.UNKNOWN_USER, BounceReason.USERUNKNOWN,
                Instant.parse("2026-01-31T23:00:00Z")));
        assertThat(entry("bob@example.org").orElseThrow().reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(entry("nobody@example.org").orElseThrow().firstSeen())
                .as("a local time is in the workspace time zone")
                .isEqualTo(java.time.LocalDateTime.parse("2026-01-15T08:30").atZone(ZoneId.of("Europe/Warsaw")).toInstant());
        assertThat(t.services.contacts.details(anna).contact().status()).isEqualTo(ContactStatus.BOUNCED);
        assertThat(t.services.contacts.details(bob).contact().address().globalBounced()).isTrue();
        assertThat(t.services.contacts.details(carl).contact().status()).isEqualTo(ContactStatus.ACTIVE);

        long emailId = t.send("After the list").emailId();
        var recipient = t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, "anna@example.org"))
                .orElseThrow();
        assertThat(recipient.notSentReason()).isEqualTo(NotSentReason.GLOBAL_BOUNCE);

        var audit = t.services.jdbi.withHandle(h -> new AuditDao().list(h, 50)).stream()
                .filter(e -> e.action().equals("IMPORT_GLOBAL_BOUNCES")).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).afterJson()).contains("\"imported\":3");
    }

    @Test
    void aSecondImportCountsUnchangedEntriesAsDuplicatesAndChangedOnesAsUpdated() throws IOException {
        importFile(csv("first.csv", LIST), false);

        ImportReport same = importFile(csv("same.csv", LIST), false);
        assertThat(same.imported()).isZero();
        assertThat(same.updated()).isZero();
        assertThat(same.duplicates()).isEqualTo(3);

        ImportReport changed = importFile(csv("changed.csv", LIST.replace("Mailbox full,mailboxfull", "unknown user,")
                + "new@example.org,Spam / reputation,blocked,2026-03-01T08:00:00+01:00\n"), false);
        assertThat(changed.imported()).isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.duplicates()).isEqualTo(2);
        assertThat(entry("bob@example.org").orElseThrow().category()).isEqualTo(BounceCategory.UNKNOWN_USER);
        assertThat(entry("new@example.org").orElseThrow().firstSeen()).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
    }

    @Test
    void aBadRowRejectsTheWholeFileWithEachLineAndReason() throws IOException {
        long anna = t.contact("anna@example.org");
        Path file = csv("bad.csv", "Email;Category;Reason;First seen\n"
                + "anna@example.org;Unknown user;;2026-02-01\n"
                + "b@example.org;Spam-ish;;2026-02-01\n"
                + "c@example.org;MAILBOX_FULL;userunknown;2026-02-01\n"
                + "d@example.org;OTHER;;01/02/2026\n"
                + "ANNA@example.org;OTHER;;2026-02-01\n"
                + "e@example.org;;;2026-02-01\n"
                + "f@example.org;OTHER;;2099-01-01\n"
                + "g@example.org;OTHER;feedback;2026-02-01\n");

        ImportReport r = importFile(file, false);

        assertThat(r.rejectedRows()).extracting(RejectedRow::toString).containsExactly(
                "line 3: unknown category 'Spam-ish' (use a name such as UNKNOWN_USER or a label such as Unknown user)",
                "line 4: reason 'userunknown' belongs to Unknown user, not Mailbox full",
                "line 5: first seen '01/02/2026' is not an ISO date (2026-03-01) or date-time (2026-03-01T10:15:00Z)",
                "line 6: duplicate of line 2 (anna@example.org)",
                "line 7: the category is missing",
                "line 8: first seen 2099-01-01 is in the future",
                "line 9: 'feedback' is not a bounce reason");
        assertThat(r.imported()).isZero();
        assertThat(listSize()).isZero();
        assertThat(t.services.contacts.details(anna).contact().status()).isEqualTo(ContactStatus.ACTIVE);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedOnItsHeader() throws IOException {
        ImportReport r = importFile(csv("cols.csv", "address,reason\nx@example.org,userunknown\n"), false);
        assertThat(r.rejectedRows()).extracting(RejectedRow::toString)
                .containsExactly("line 1: the file has no 'category', 'first seen' column (columns: address, reason)");
    }

    @Test
    void aDryRunCountsButAppliesNothing() throws IOException {
        long anna = t.contact("anna@example.org");
        ImportReport r = importFile(csv("dry.csv", LIST), true);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.imported()).isEqualTo(3);
        assertThat(listSize()).isZero();
        assertThat(t.services.contacts.details(anna).contact().status()).isEqualTo(ContactStatus.ACTIVE);
    }

    @Test
    void categoriesAreReadByNameOrLabelInAnyCase() {
        assertThat(GlobalBounceImportService.category("UNKNOWN_USER")).contains(BounceCategory.UNKNOWN_USER);
        assertThat(GlobalBounceImportService.category("Unknown user")).contains(BounceCategory.UNKNOWN_USER);
        assertThat(GlobalBounceImportService.category("unknown_user")).contains(BounceCategory.UNKNOWN_USER);
        assertThat(GlobalBounceImportService.category("Policy / authentication")).contains(BounceCategory.POLICY_AUTH);
        assertThat(GlobalBounceImportService.category("policy_auth")).contains(BounceCategory.POLICY_AUTH);
        assertThat(GlobalBounceImportService.category("nonsense")).isEmpty();
        assertThat(GlobalBounceImportService.mainReason(BounceCategory.BAD_DOMAIN)).isEqualTo(BounceReason.HOSTUNKNOWN);
        assertThat(GlobalBounceImportService.mainReason(BounceCategory.OTHER)).isEqualTo(BounceReason.UNDEFINED);
    }

    @Test
    void viewersMayNotImportTheList() throws IOException {
        Path file = csv("v.csv", LIST);
        assertThatThrownBy(() -> t.services.globalBounceImports.importGlobalBounces(t.viewer, file,
                CsvReadOptions.DETECT, false, Progress.NONE)).isInstanceOf(PermissionDeniedException.class);
    }
}
