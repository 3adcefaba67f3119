package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpReplyClassifierTest {

    @Test
    void repliesOfTheSendSimulation() {
        assertThat(SmtpReplyClassifier.classify("550", "5.1.1",
                "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual mailbox table"))
                .isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(SmtpReplyClassifier.classify("550", "5.1.2",
                "Host or domain name not found. Name service error for name=example.invalid type=MX: Host not found"))
                .isEqualTo(BounceReason.HOSTUNKNOWN);
        assertThat(SmtpReplyClassifier.classify("550", "5.2.1", "550 5.2.1 The email account that you tried to reach is disabled."))
                .isEqualTo(BounceReason.SUSPEND);
        assertThat(SmtpReplyClassifier.classify("452", "4.2.2", "452 4.2.2 <a@example.com>: Mailbox full, quota exceeded"))
                .isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(SmtpReplyClassifier.classify("554", "5.7.1",
                "554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org"))
                .isEqualTo(BounceReason.BLOCKED);
        assertThat(SmtpReplyClassifier.classify("550", "5.7.26",
                "550 5.7.26 Unauthenticated email from example.net is not accepted due to domain's DMARC policy."))
                .isEqualTo(BounceReason.AUTHFAILURE);
        assertThat(SmtpReplyClassifier.classify("552", "5.3.4", "552 5.3.4 Message size exceeds fixed limit"))
                .isEqualTo(BounceReason.MESGTOOBIG);
        assertThat(SmtpReplyClassifier.classify("421", "4.7.0", "421 4.7.0 Too many connections from your host, try again later"))
                .isEqualTo(BounceReason.TOOMANYCONN);
    }

    @Test
    void aTemporaryReplyIsNeverHardAndCodesInTheTextCount() {
        // "Recipient address rejected" reads as an unknown user, but a 4xx reply will be answered again
        assertThat(SmtpReplyClassifier.classify("451", "4.7.1",
                "451 4.7.1 <a@example.com>: Recipient address rejected: Greylisted, please try again in 300 seconds"))
                .isEqualTo(BounceReason.SPEEDING);
        assertThat(SmtpReplyClassifier.classify("421", "4.7.28", "421 4.7.28 Our system has detected an unusual rate"
                + " of unsolicited mail originating from your IP address. Try again later.")).isEqualTo(BounceReason.SPEEDING);
        assertThat(SmtpReplyClassifier.classify(null, null, "No MX for nomx.example.com")).isEqualTo(BounceReason.HOSTUNKNOWN);
        // no fields: the codes written in the text decide, as in a bounce message
        assertThat(SmtpReplyClassifier.classify(null, null, "smtp; 550 5.1.1 see you")).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(SmtpReplyClassifier.said("550 not today")).isNull(); // a bare code is no statement
        assertThat(SmtpReplyClassifier.classify(null, null, "550 not today")).isEqualTo(BounceReason.REJECTED);
    }

    @Test
    void codesAloneAndUnknownText() {
        assertThat(SmtpReplyClassifier.classify("550", "5.1.1", null)).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(SmtpReplyClassifier.classify(null, null, "mailbox is full")).isEqualTo(BounceReason.MAILBOXFULL);
        // words no rule knows put the reason on hold, as in a bounce message; no words at all leave it undefined
        assertThat(SmtpReplyClassifier.classify(null, null, "nothing known")).isEqualTo(BounceReason.ONHOLD);
        assertThat(SmtpReplyClassifier.classify(null, null, null)).isEqualTo(BounceReason.UNDEFINED);
        assertThat(SmtpReplyClassifier.classify("452", null, null)).isEqualTo(BounceReason.MAILBOXFULL);
    }

    @Test
    void permanence() {
        assertThat(SmtpReplyClassifier.isPermanent("550", "5.1.1")).isTrue();
        assertThat(SmtpReplyClassifier.isPermanent("550", "4.2.2")).isFalse(); // the status is more precise
        assertThat(SmtpReplyClassifier.isPermanent("452", null)).isFalse();
        assertThat(SmtpReplyClassifier.isPermanent("554", " ")).isTrue();
        assertThat(SmtpReplyClassifier.isPermanent(null, null)).isFalse();
    }
}
