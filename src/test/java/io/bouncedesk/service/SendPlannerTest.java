package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendPlannerTest {

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

    private RecipientRow recipient(long emailId, String address) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId,
                io.bouncedesk.domain.EmailAddress.keyOf(address)).orElseThrow());
    }

    @Test
    void suppressesWithTheFirstMatchingReasonAndAttemptsTheRest() {
        t.contact("ok@example.org");
        long unsub = t.contact("gone@example.org");
        long spam = t.contact("angry@example.org");
        t.contact("waiting@example.org", false, false);
        t.contact("broken@example", false, true);
        t.contact("bought@example.org", true, true);
        t.contact("global@example.org");
        // unsubscribed and complained: section 3 checks unsubscribed before the complaint
        long both = t.contact("both@example.org");
        t.services.jdbi.useTransaction(h -> {
            ContactDao contacts = new ContactDao();
            contacts.markUnsubscribed(h, unsub, t.clock.instant());
            contacts.markSpamComplaint(h, spam, t.clock.instant());
            contacts.markUnsubscribed(h, both, t.clock.instant());
            contacts.markSpamComplaint(h, both, t.clock.instant());
            t.services.globalBounces.apply(h, List.of(new GlobalBounceDao.Entry("GLOBAL@example.org",
                    BounceReason.USERUNKNOWN.category(), BounceReason.USERUNKNOWN, t.clock.instant())));
        });

        SendReport report = t.send("First");

        assertThat(recipient(report.emailId(), "ok@example.org").outcome()).isEqualTo(RecipientOutcome.DELIVERED);
        assertThat(recipient(report.emailId(), "gone@example.org").notSentReason()).isEqualTo(NotSentReason.UNSUBSCRIBED);
        assertThat(recipient(report.emailId(), "angry@example.org").notSentReason()).isEqualTo(NotSentReason.SPAM_COMPLAINT);
        assertThat(recipient(report.emailId(), "both@example.org").notSentReason()).isEqualTo(NotSentReason.UNSUBSCRIBED);
        assertThat(recipient(report.emailId(), "waiting@example.org").notSentReason()).isEqualTo(NotSentReason.UNCONFIRMED);
        assertThat(recipient(report.emailId(), "broken@example").notSentReason()).isEqualTo(NotSentReason.INVALID_ADDRESS);
        assertThat(recipient(report.emailId(), "bought@example.org").notSentReason()).isEqualTo(NotSentReason.PURCHASED_LIST);
        assertThat(recipient(report.emailId(), "global@example.org").notSentReason()).isEqualTo(NotSentReason.GLOBAL_BOUNCE);
        assertThat(report.counts().notSent()).isEqualTo(7);
        assertThat(report.counts().delivered()).isEqualTo(1);
        assertThat(t.transport.attempts).hasSize(1);
    }

    @Test
    void aHardBounceSuppressesTheAddressAndTheNextSendSaysWhichEmailCausedIt() {
        long contact = t.contact("nobody@example.org");
        t.transport.reply("nobody@example.org", ScriptedTransport.USER_UNKNOWN);

        SendReport first = t.send("First");
        RecipientRow bounced = recipient(first.emailId(), "nobody@example.org");
        assertThat(bounced.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(bounced.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(bounced.bounceReason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(bounced.smtpStatus()).isEqualTo("5.1.1");
        assertThat(bounced.replyCode()).isEqualTo("550");
        assertThat(TrackingIds.fromMessageId(bounced.messageId()))
                .contains(new TrackingIds.Ref(first.emailId(), bounced.id()));
        assertThat(t.services.contacts.details(contact).contact().status()).isEqualTo(ContactStatus.BOUNCED);

        t.clock.advance(java.time.Duration.ofDays(7));
        SendReport second = t.send("Second");
        RecipientRow notSent = recipient(second.emailId(), "nobody@example.org");
        assertThat(notSent.outcome()).isEqualTo(RecipientOutcome.NOT_SENT);
        assertThat(notSent.notSentReason()).isEqualTo(NotSentReason.PREVIOUSLY_BOUNCED);
        assertThat(notSent.notSentCauseEmailId()).isEqualTo(first.emailId());
        assertThat(t.transport.attempts).hasSize(1);
    }

    @Test
    void aViewerMayNotSend() {
        t.contact("ok@example.org");
        assertThatThrownBy(() -> t.services.sendPlanner.send(t.viewer, new EmailDraft("n", "s", "f",
                "news@mail.example.eu"), Audience.all(), Progress.NONE))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aCancelledSendLeavesNothingBehind() {
        for (int i = 0; i < 5; i++) {
            t.contact("c" + i + "@example.org");
        }
        Progress cancelled = Cancelling.AT_ONCE;
        assertThatThrownBy(() -> t.services.sendPlanner.send(t.marketer, new EmailDraft("n", "s", "f",
                "news@mail.example.eu"), Audience.all(), cancelled)).isInstanceOf(CancelledException.class);
        assertThat(t.services.reports.emails(null)).isEmpty();
    }

    @Test
    void theSendIsAudited() {
        t.contact("ok@example.org");
        t.send("Audited");
        List<String> actions = t.services.jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
        assertThat(actions).contains("EMAIL_SENT");
    }

    @Test
    void healthWarnsAtFivePercentHardBouncesAndAPointOnePercentSpam() {
        assertThat(new EmailHealth(0.0499, 0).hardBounceWarning()).isFalse();
        assertThat(new EmailHealth(0.05, 0).hardBounceWarning()).isTrue();
        assertThat(new EmailHealth(0, 0.00099).spamReportWarning()).isFalse();
        assertThat(new EmailHealth(0, 0.001).spamReportWarning()).isTrue();
        for (int i = 0; i < 19; i++) {
            t.contact("ok" + i + "@example.org");
        }
        t.contact("dead@example.org");
        t.transport.reply("dead@example.org", ScriptedTransport.USER_UNKNOWN);
        SendReport r = t.send("Health");
        EmailSummary summary = t.services.reports.email(r.emailId());
        assertThat(summary.health().hardBounceRate()).isEqualTo(0.05);
        assertThat(summary.health().hardBounceWarning()).isTrue();
        assertThat(summary.deliveredRate()).isEqualTo(0.95);
    }
}
