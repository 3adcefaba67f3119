package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounce messages recorded against their recipients, originals kept; corrections by admins. */
class BounceMessageImportServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.contact("bob@example.org");
        t.contact("eve@example.org");
        emailId = t.send("Bounce source").emailId();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private RecipientRow recipient(String address) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, address).orElseThrow());
    }

    static String dsn(String recipient, String status, String diagnostic, String messageId, String token) {
        return String.join("\r\n",
                "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                "To: news@mail.example.eu",
                "Subject: Undelivered Mail Returned to Sender",
                "Date: Tue, 10 Mar 2026 10:05:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"XYZ\"",
                "Message-ID: <dsn-" + recipient.hashCode() + status + "@mx.example.org>",
                "",
                "--XYZ",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "This is the mail system at host mx.example.org. Your message could not be delivered.",
                "",
                "--XYZ",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.org",
                "",
                "Final-Recipient: rfc822; " + recipient,
                "Action: failed",
                "Status: " + status,
                "Remote-MTA: dns; mx.example.org",
                "Diagnostic-Code: smtp; " + diagnostic,
                "",
                "--XYZ",
                "Content-Type: text/rfc822-headers",
                "",
                "Message-ID: " + messageId,
                TrackingIds.HEADER + ": " + token,
                "From: Example <news@mail.example.eu>",
                "To: " + recipient,
                "Subject: Subject of Bounce source",
                "",
                "--XYZ--",
                "");
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aDsnIsMatchedRecordedWithItsOriginalAndOnlyOnce() throws Exception {
        RecipientRow bob = recipient("bob@example.org");
        String message = dsn("bob@example.org", "5.1.1", "550 5.1.1 <bob@example.org>: Recipient address rejected: "
                + "User unknown in virtual mailbox table", bob.messageId(), TrackingIds.token(emailId, bob.id()));
        Path file = write("bounce.eml", message);

        IngestSummary first = t.services.bounceImports.importPaths(t.marketer, List.of(file), Progress.NONE);

        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.updated()).isEqualTo(1);
        RecipientRow after = recipient("bob@example.org");
        assertThat(after.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(after.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(after.bounceReason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(after.smtpStatus()).isEqualTo("5.1.1");
        long contact = t.services.contacts.findByAddress("bob@example.org").orElseThrow().id();
        ContactDetails d = t.services.contacts.details(contact);
        assertThat(d.contact().status()).isEqualTo(ContactStatus.BOUNCED);
        BounceRow bounce = d.hardBounce().orElseThrow();
        assertThat(bounce.emailId()).isEqualTo(emailId);
        assertThat(bounce.hasOriginal()).isTrue();
        assertThat(new String(t.services.bounceImports.original(bounce.id()).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(message);

        IngestSummary second = t.services.bounceImports.importPaths(t.marketer, List.of(file), Progress.NONE);
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(1);
        long bounces = t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bounce").mapTo(Long.class).one());
        assertThat(bounces).isEqualTo(1);
    }

    @Test
    void anMboxWithABrokenMessageAndAPersonsReplyGoesOn() throws Exception {
        RecipientRow eve = recipient("eve@example.org");
        String soft = dsn("eve@example.org", "4.2.2", "452 4.2.2 Mailbox full", eve.messageId(),
                TrackingIds.token(emailId, eve.id()));
        String reply = String.join("\n", "From: Eve <eve@example.org>", "To: news@mail.example.eu",
                "Subject: Re: Subject of Bounce source", "Date: Tue, 10 Mar 2026 11:00:00 +0000", "",
                "Thanks, see you at the fair!", "");
        String broken = "Content-Type: multipart/report; boundary=\"nope\"\n\n--nope\nContent-Type: message/delivery-status\n\n";
        Path mbox = write("bounces.mbox", "From MAILER-DAEMON Tue Mar 10 10:05:00 2026\n" + soft.replace("\r\n", "\n")
                + "\nFrom eve@example.org Tue Mar 10 11:00:00 2026\n" + reply
                + "\nFrom nobody Tue Mar 10 12:00:00 2026\n" + broken);

        IngestSummary s = t.services.bounceImports.importPaths(t.marketer, List.of(mbox), Progress.NONE);

        assertThat(s.imported()).isEqualTo(1);
        assertThat(s.skipped() + s.rejected()).isEqualTo(2);
        assertThat(s.problems()).allSatisfy(p -> assertThat(p).contains("bounces.mbox"));
        RecipientRow after = recipient("eve@example.org");
        assertThat(after.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(after.bounceType()).isEqualTo(BounceType.SOFT);
        assertThat(after.bounceReason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(t.services.contacts.findByAddress("eve@example.org").orElseThrow().status())
                .isEqualTo(ContactStatus.ACTIVE);
    }

    @Test
    void reclassifyingAHardBounceAsSoftLiftsTheSuppressionAndIsAudited() throws Exception {
        RecipientRow bob = recipient("bob@example.org");
        t.services.bounceImports.importPaths(t.marketer, List.of(write("b.eml", dsn("bob@example.org", "5.1.1",
                "550 5.1.1 User unknown", bob.messageId(), TrackingIds.token(emailId, bob.id())))), Progress.NONE);
        long contact = t.services.contacts.findByAddress("bob@example.org").orElseThrow().id();
        long bounceId = t.services.contacts.details(contact).hardBounce().orElseThrow().id();

        assertThatThrownBy(() -> t.services.reclassify.reclassify(t.viewer, bounceId, BounceReason.SECURITYERROR,
                BounceType.SOFT, "filter")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> t.services.reclassify.reclassify(t.marketer, bounceId, BounceReason.SECURITYERROR,
                BounceType.SOFT, " ")).hasMessageContaining("comment");
        assertThatThrownBy(() -> t.services.reclassify.reclassify(t.marketer, bounceId, BounceReason.SECURITYERROR,
                BounceType.HARD, "x")).hasMessageContaining("soft by the bounce rules");

        BounceRow after = t.services.reclassify.reclassify(t.marketer, bounceId, BounceReason.SECURITYERROR,
                BounceType.SOFT, "Their security filter rejected us; the mailbox exists.");

        assertThat(after.reason()).isEqualTo(BounceReason.SECURITYERROR);
        assertThat(after.reclassifiedBy()).isEqualTo("marketer");
        ContactDetails d = t.services.contacts.details(contact);
        assertThat(d.contact().status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(d.eligible()).isTrue();
        assertThat(recipient("bob@example.org").bounceType()).isEqualTo(BounceType.SOFT);
        String audit = t.services.jdbi.withHandle(h -> h.createQuery("SELECT before_json || ' ' || after_json"
                + " FROM audit_log WHERE action = 'RECLASSIFY'").mapTo(String.class).one());
        assertThat(audit).contains("userunknown").contains("securityerror").contains("security filter");

        t.services.reclassify.reclassify(t.admin, bounceId, BounceReason.USERUNKNOWN, BounceType.HARD, "It was right.");
        assertThat(t.services.contacts.details(contact).contact().status()).isEqualTo(ContactStatus.BOUNCED);
    }
}
