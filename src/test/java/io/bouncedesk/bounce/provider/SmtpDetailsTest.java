package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpDetailsTest {

    @Test
    void replyCodeAtTheStartOfADiagnostic() {
        assertThat(SmtpDetails.replyCode("smtp; 550 5.1.1 <jane@example.com>... User unknown")).isEqualTo("550");
        assertThat(SmtpDetails.replyCode("smtp;452 4.2.2 over quota")).isEqualTo("452");
        assertThat(SmtpDetails.replyCode("250 OK")).isEqualTo("250");
        assertThat(SmtpDetails.replyCode("550-5.7.1 blocked")).isEqualTo("550");
        assertThat(SmtpDetails.replyCode("5.1.1 The email account does not exist")).isNull();
        assertThat(SmtpDetails.replyCode("5501 nope")).isNull();
        assertThat(SmtpDetails.replyCode("Bounced Address")).isNull();
        assertThat(SmtpDetails.replyCode(null)).isNull();
    }

    @Test
    void enhancedStatusAnywhereInTheText() {
        assertThat(SmtpDetails.enhancedStatus("smtp; 550 5.1.1 <jane@example.com>")).isEqualTo("5.1.1");
        assertThat(SmtpDetails.enhancedStatus("Recipient rejected (4.7.28)")).isEqualTo("4.7.28");
        assertThat(SmtpDetails.enhancedStatus("host [192.0.2.1] said: no")).isNull();
        assertThat(SmtpDetails.enhancedStatus("version 5.1.1.4 of the server")).isNull();
        assertThat(SmtpDetails.enhancedStatus("v5.1.1")).isNull();
        assertThat(SmtpDetails.status("5.0.0")).isEqualTo("5.0.0");
    }

    @Test
    void verdictFollowsTheDomainRule() {
        assertThat(SmtpDetails.verdict(BounceReason.USERUNKNOWN, null, null, false).type()).isEqualTo(BounceType.HARD);
        assertThat(SmtpDetails.verdict(BounceReason.SPAMDETECTED, "550", "5.7.1", true).type()).isEqualTo(BounceType.SOFT);
        // notaccept is hard only when permanent: the status decides, else the provider's word.
        assertThat(SmtpDetails.verdict(BounceReason.NOTACCEPT, "450", null, true).type()).isEqualTo(BounceType.SOFT);
        assertThat(SmtpDetails.verdict(BounceReason.NOTACCEPT, null, null, true).type()).isEqualTo(BounceType.HARD);
        assertThat(SmtpDetails.verdict(BounceReason.NOTACCEPT, null, null, null).type()).isEqualTo(BounceType.SOFT);
    }

    @Test
    void reasonPrefersTextThenHintThenStatus() {
        assertThat(SmtpDetails.reason("550", "5.1.1", "mailbox is full", BounceReason.USERUNKNOWN, false))
                .isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(SmtpDetails.reason("550", "5.1.1", "mailbox is full", BounceReason.USERUNKNOWN, true))
                .isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(SmtpDetails.reason("550", "5.7.1", "nothing known", BounceReason.BLOCKED, false))
                .isEqualTo(BounceReason.BLOCKED);
        assertThat(SmtpDetails.reason("550", "5.1.1", "nothing known", null, false))
                .isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(SmtpDetails.reason(null, null, null, null, false)).isEqualTo(BounceReason.UNDEFINED);
    }
}
