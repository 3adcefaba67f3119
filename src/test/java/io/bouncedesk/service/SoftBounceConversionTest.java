package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain rules, section 4: 6 attempts in one email over 2 days, 4 more in the next, then hard. */
class SoftBounceConversionTest {

    static final String FULL = "full@example.org";

    @TempDir
    Path dir;
    TestWorkspace t;
    long contact;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        contact = t.contact(FULL);
        t.transport.reply(FULL, ScriptedTransport.MAILBOX_FULL);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private RecipientRow recipient(long emailId) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, FULL).orElseThrow());
    }

    private AddressRow address() {
        return t.services.jdbi.withHandle(h -> new AddressDao().findByKey(h, EmailAddress.keyOf(FULL)).orElseThrow());
    }

    @Test
    void sixAttemptsOverTwoDaysThenFourInTheNextEmailThenHard() {
        SendReport first = t.send("First");
        assertThat(recipient(first.emailId()).outcome()).isEqualTo(RecipientOutcome.PENDING);
        assertThat(t.services.contacts.details(contact).contact().status()).isEqualTo(ContactStatus.ACTIVE);

        t.clock.advance(Duration.ofHours(47));
        t.services.retries.processDue(t.clock.instant());
        assertThat(recipient(first.emailId()).attempts()).isEqualTo(5);
        assertThat(recipient(first.emailId()).outcome()).isEqualTo(RecipientOutcome.PENDING);

        t.clock.advance(Duration.ofHours(1));
        t.services.retries.processDue(t.clock.instant());
        RecipientRow done = recipient(first.emailId());
        assertThat(done.attempts()).isEqualTo(6);
        assertThat(done.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(done.bounceType()).isEqualTo(BounceType.SOFT);
        assertThat(done.bounceReason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(address().softFailures()).isEqualTo(6);
        assertThat(address().hardBounced()).isFalse();
        assertThat(t.services.contacts.details(contact).contact().status()).isEqualTo(ContactStatus.ACTIVE);
        var attempts = t.services.jdbi.withHandle(h -> new RecipientDao().attempts(h, done.id()));
        assertThat(Duration.between(attempts.get(0).attemptedAt(), attempts.get(5).attemptedAt()))
                .isEqualTo(Duration.ofDays(2));

        t.clock.advance(Duration.ofDays(5));
        SendReport second = t.send("Second");
        assertThat(recipient(second.emailId()).attemptBudget()).isEqualTo(4);
        t.clock.advance(Duration.ofDays(2));
        t.services.retries.processDue(t.clock.instant());
        RecipientRow converted = recipient(second.emailId());
        assertThat(converted.attempts()).isEqualTo(4);
        assertThat(converted.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(converted.bounceType()).isEqualTo(BounceType.HARD);

        AddressRow a = address();
        assertThat(a.hardBounced()).isTrue();
        BounceRow hard = t.services.contacts.details(contact).hardBounce().orElseThrow();
        assertThat(hard.convertedFromSoft()).isTrue();
        assertThat(hard.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(hard.diagnostic()).as("the last reply, not prose in one language").isEqualTo("452 4.2.2 Mailbox full");
        assertThat(t.services.contacts.details(contact).contact().status()).isEqualTo(ContactStatus.BOUNCED);
    }

    @Test
    void aDeliveryResetsTheCount() {
        SendReport first = t.send("First");
        t.clock.advance(Duration.ofHours(4));
        t.services.retries.processDue(t.clock.instant());
        assertThat(address().softFailures()).isEqualTo(3);

        t.transport.reply(FULL, ScriptedTransport.OK);
        t.clock.advance(Duration.ofHours(8));
        t.services.retries.processDue(t.clock.instant());
        assertThat(recipient(first.emailId()).outcome()).isEqualTo(RecipientOutcome.DELIVERED);
        assertThat(address().softFailures()).isZero();
    }

    @Test
    void ninthFailureStaysSoftTenthTurnsHard() {
        t.send("First");
        t.clock.advance(Duration.ofDays(3));
        t.services.retries.processDue(t.clock.instant());
        SendReport second = t.send("Second");
        t.clock.advance(Duration.ofHours(4));
        t.services.retries.processDue(t.clock.instant());
        assertThat(address().softFailures()).isEqualTo(9);
        assertThat(address().hardBounced()).isFalse();
        assertThat(recipient(second.emailId()).outcome()).isEqualTo(RecipientOutcome.PENDING);
        t.clock.advance(Duration.ofHours(8));
        t.services.retries.processDue(t.clock.instant());
        assertThat(address().hardBounced()).isTrue();
    }

    @Test
    void policyBudgets() {
        SoftBouncePolicy p = SoftBouncePolicy.standard();
        assertThat(p.attemptsPerEmail()).isEqualTo(6);
        assertThat(p.retryWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(p.attemptBudget(0)).isEqualTo(6);
        assertThat(p.attemptBudget(6)).isEqualTo(4);
        assertThat(p.attemptBudget(9)).isEqualTo(1);
    }
}
