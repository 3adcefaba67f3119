package io.bouncedesk.service;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IMAP bounce mailbox against an in-process GreenMail server. */
class BounceMailboxServiceTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    @TempDir
    Path dir;
    TestWorkspace t;
    GreenMailUser mailbox;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        mailbox = greenMail.setUser("bounces@mail.example.eu", "bounces", "s3cret");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private void deliver(String raw) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private void configure(String password) {
        t.services.mailbox.save(t.admin, new MailboxSettings("127.0.0.1", ServerSetupTest.IMAP.getPort(), false,
                "bounces", password, "INBOX", 5));
    }

    private Folder open(Store store, String name) throws Exception {
        Folder f = store.getFolder(name);
        f.open(Folder.READ_ONLY);
        return f;
    }

    @Test
    void bouncesAreRecordedAndMovedRepliesStayUnread() throws Exception {
        t.contact("bob@example.org");
        long emailId = t.send("Mailbox").emailId();
        RecipientRow bob = t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, "bob@example.org")
                .orElseThrow());
        deliver(BounceMessageImportServiceTest.dsn("bob@example.org", "5.1.1", "550 5.1.1 User unknown",
                bob.messageId(), TrackingIds.token(emailId, bob.id())));
        deliver("From: Bob <bob@example.org>\r\nTo: news@mail.example.eu\r\nSubject: Re: Mailbox\r\n"
                + "Date: Tue, 10 Mar 2026 11:00:00 +0000\r\nMessage-ID: <reply-1@example.org>\r\n\r\nSee you soon!\r\n");
        configure("s3cret");
        assertThat(t.services.mailbox.settings()).hasValueSatisfying(s -> assertThat(s.checkEveryMinutes()).isEqualTo(5));

        BounceMailboxService.CheckResult result = t.services.mailbox.check(t.marketer, Progress.NONE);

        assertThat(result.recorded()).isEqualTo(1);
        assertThat(result.notBounces()).isEqualTo(1);
        assertThat(t.services.contacts.findByAddress("bob@example.org").orElseThrow().status())
                .isEqualTo(ContactStatus.BOUNCED);
        Properties props = new Properties();
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect("127.0.0.1", ServerSetupTest.IMAP.getPort(), "bounces", "s3cret");
            Folder inbox = open(store, "INBOX");
            Message[] left = inbox.getMessages();
            assertThat(left).hasSize(1);
            assertThat(left[0].getSubject()).isEqualTo("Re: Mailbox");
            assertThat(left[0].isSet(Flags.Flag.SEEN)).as("the reply stays unread").isFalse();
            Folder processed = open(store, BounceMailboxService.PROCESSED);
            assertThat(processed.getMessageCount()).isEqualTo(1);
            assertThat(processed.getMessages()[0].getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
        }

        BounceMailboxService.CheckResult again = t.services.mailbox.check(t.marketer, Progress.NONE);
        assertThat(again.recorded()).isZero();
        assertThat(again.notBounces()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAndMissingSetupGetClearMessages() {
        assertThatThrownBy(() -> t.services.mailbox.check(t.marketer, Progress.NONE))
                .hasMessageContaining("No bounce mailbox is set up");
        configure("wrong");
        assertThatThrownBy(() -> t.services.mailbox.check(t.marketer, Progress.NONE))
                .hasMessageContaining("Cannot check the bounce mailbox bounces@127.0.0.1");
        assertThatThrownBy(() -> t.services.mailbox.save(t.marketer, new MailboxSettings("h", 993, true, "u", "p",
                null, 5))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> new MailboxSettings("h", 0, true, "u", "p", null, 5)).hasMessageContaining("port");
    }
}
