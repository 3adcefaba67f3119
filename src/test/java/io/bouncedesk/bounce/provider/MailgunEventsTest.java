package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.bouncedesk.bounce.provider.ProviderEventType.*;
import static org.assertj.core.api.Assertions.assertThat;

class MailgunEventsTest {

    @Test
    void webhookPayloadsOfEveryKind() {
        Reads.Result r = Reads.resource(ProviderFormat.MAILGUN, "mailgun/webhooks.jsonl");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.summary().skipped()).isEqualTo(1); // accepted
        assertThat(r.events()).extracting(ProviderEvent::type).containsExactly(
                DELIVERED, HARD_BOUNCE, DROPPED, DEFERRED, SPAM_COMPLAINT, UNSUBSCRIBE);
    }

    @Test
    void delivered() {
        ProviderEvent e = Reads.resource(ProviderFormat.MAILGUN, "mailgun/webhooks.jsonl").withId("hTWCTD81RtiDN-Ys7OWTaw");

        assertThat(e.provider()).isEqualTo(ProviderFormat.MAILGUN);
        assertThat(e.recipient()).isEqualTo("recipient@example.com");
        assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochSecond(1534108637, 153_125_000));
        assertThat(e.reason()).isEqualTo(BounceReason.DELIVERED);
        assertThat(e.replyCode()).isEqualTo("250");
        assertThat(e.diagnostic()).isEqualTo("OK");
        assertThat(e.remoteMta()).isEqualTo("smtp-in.example.com");
        assertThat(e.messageId()).isEqualTo("20180812211713.1.DF5966851B4BAA99@example.org");
        assertThat(e.trackingToken()).isEqualTo("e21.r22");
        assertThat(e.metadata()).isEqualTo(Map.of("bouncedesk_tracking", "e21.r22", "list", "newsletter"));
    }

    @Test
    void permanentFailureIsAHardBounceTrackedByMessageId() {
        ProviderEvent e = Reads.resource(ProviderFormat.MAILGUN, "mailgun/webhooks.jsonl").withId("G9Bn5sl1TC6nu79C8C0bwg");

        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(e.enhancedStatus()).isEqualTo("5.1.1");
        assertThat(e.replyCode()).isEqualTo("550");
        assertThat(e.remoteMta()).isEqualTo("aspmx.l.google.com");
        assertThat(e.trackingToken()).isEqualTo("e31.r32"); // BounceDesk's own Message-ID
        assertThat(e.metadata()).containsEntry("my-var-2", "awesome");
    }

    @Test
    void suppressedAndTemporaryFailures() {
        Reads.Result r = Reads.resource(ProviderFormat.MAILGUN, "mailgun/webhooks.jsonl");

        ProviderEvent suppressed = r.withId("Supp5sl1TC6nu79C8C0bwg");
        assertThat(suppressed.type()).isEqualTo(DROPPED);
        assertThat(suppressed.reason()).isEqualTo(BounceReason.ONHOLD);
        assertThat(suppressed.replyCode()).isNull(); // 605 is Mailgun's, not SMTP's
        assertThat(suppressed.diagnostic()).isEqualTo("Not delivering to previously bounced address");

        ProviderEvent temporary = r.withId("Temp0nQi2N3BPigGOdgQQ");
        assertThat(temporary.type()).isEqualTo(DEFERRED);
        assertThat(temporary.reason()).isEqualTo(BounceReason.HOSTUNKNOWN);
        assertThat(temporary.bounceType()).isNull();
        assertThat(temporary.diagnostic()).isEqualTo("No MX for nomx.example.com");
    }

    @Test
    void eventsApiPageGivesTheSameEventsAsTheWebhooks() {
        Reads.Result page = Reads.resource(ProviderFormat.MAILGUN, "mailgun/events-page.json");
        Reads.Result hooks = Reads.resource(ProviderFormat.MAILGUN, "mailgun/webhooks.jsonl");

        assertThat(page.malformed()).isEmpty();
        assertThat(page.events()).isEqualTo(hooks.events().subList(0, 3));
    }

    @Test
    void bareEventsAndTheirProblems() {
        String input = String.join("\n",
                "{\"event\":\"failed\",\"severity\":\"permanent\",\"reason\":\"bounce\",\"recipient\":\"a@example.com\","
                        + "\"timestamp\":1521233195.375624,\"delivery-status\":{\"code\":552,\"message\":\"5.2.2 mailbox full\"}}",
                "{\"event\":\"failed\",\"severity\":\"permanent\",\"timestamp\":1521233195}",
                "{\"event\":\"failed\",\"recipient\":\"a@example.com\",\"timestamp\":[1]}",
                "{\"event\":\"exploded\",\"recipient\":\"a@example.com\",\"timestamp\":1}",
                "{\"signature\":{\"token\":\"t\"},\"event-data\":\"not an object\"}");
        Reads.Result r = Reads.read(ProviderFormat.MAILGUN, input);

        ProviderEvent full = r.only();
        assertThat(full.type()).isEqualTo(SOFT_BOUNCE);
        assertThat(full.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(full.eventId()).hasSize(64);
        assertThat(r.messages()).containsExactly(
                "line 2: 'recipient' is missing",
                "line 3: 'timestamp' must be a Unix time in seconds, not an array",
                "line 4: unknown Mailgun event type 'exploded'",
                "line 5: 'event-data' must be an object, not a string");
    }
}
