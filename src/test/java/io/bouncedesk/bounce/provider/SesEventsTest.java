package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.bouncedesk.bounce.provider.ProviderEventType.*;
import static org.assertj.core.api.Assertions.assertThat;

class SesEventsTest {

    private static final String DSN_FEEDBACK = "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000";

    @Test
    void bounceWithDsnInAnSnsEnvelope() {
        ProviderEvent e = Reads.resource(ProviderFormat.SES, "ses/bounce-with-dsn-sns.json").only();

        assertThat(e.provider()).isEqualTo(ProviderFormat.SES);
        assertThat(e.eventId()).isEqualTo(DSN_FEEDBACK + ":jane@example.com");
        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
        assertThat(e.recipient()).isEqualTo("jane@example.com");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2016-01-27T14:59:38.237Z"));
        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(e.enhancedStatus()).isEqualTo("5.1.1");
        assertThat(e.replyCode()).isEqualTo("550");
        assertThat(e.diagnostic()).isEqualTo("smtp; 550 5.1.1 <jane@example.com>... User unknown");
        assertThat(e.remoteMta()).isEqualTo("127.0.2.0");
        assertThat(e.messageId()).isEqualTo("00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000");
        // The tracking header wins over the BounceDesk Message-ID (e7.r99) of the same mail.
        assertThat(e.trackingToken()).isEqualTo("e7.r42");
    }

    @Test
    void rawAndSnsWrappedNotificationsGiveTheSameEvent() {
        ProviderEvent raw = Reads.resource(ProviderFormat.SES, "ses/bounce-with-dsn.json").only();
        ProviderEvent wrapped = Reads.resource(ProviderFormat.SES, "ses/bounce-with-dsn-sns.json").only();

        assertThat(raw).isEqualTo(wrapped);
    }

    @Test
    void notificationsOfEveryKindOnePerLine() {
        Reads.Result r = Reads.resource(ProviderFormat.SES, "ses/notifications.jsonl");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.summary().skipped()).isEqualTo(1); // the Send event
        assertThat(r.events()).extracting(ProviderEvent::type).containsExactly(
                SOFT_BOUNCE, SOFT_BOUNCE, HARD_BOUNCE, SOFT_BOUNCE, SOFT_BOUNCE, DROPPED, SPAM_COMPLAINT, DELIVERED);
    }

    @Test
    void oneNotificationYieldsOneEventPerRecipient() {
        Reads.Result r = Reads.resource(ProviderFormat.SES, "ses/notifications.jsonl");
        String feedback = "00000137860315fd-869464a4-8680-4114-98d3-716fe35851f9-000000";

        ProviderEvent jane = r.withId(feedback + ":jane@example.com");
        ProviderEvent richard = r.withId(feedback + ":richard@example.com");
        // Permanent but without any DSN: nothing says the mailbox is gone, so by the rule it is soft.
        assertThat(jane.reason()).isEqualTo(BounceReason.UNDEFINED);
        assertThat(jane.bounceType()).isEqualTo(BounceType.SOFT);
        assertThat(richard.occurredAt()).isEqualTo(jane.occurredAt());
        assertThat(richard.messageId()).isEqualTo("00000137860315fd-34208509-5b74-41f3-95c5-22c1edc3c924-000000");
    }

    @Test
    void permanentNoEmailIsHardUserUnknown() {
        ProviderEvent e = Reads.resource(ProviderFormat.SES, "ses/notifications.jsonl")
                .withId("0000013786031aaa-noemail-000000:nobody@example.org");

        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.remoteMta()).isEqualTo("127.0.2.1");
    }

    @Test
    void permanentGeneralWithSpamTextIsSoftBySpamReason() {
        ProviderEvent e = Reads.resource(ProviderFormat.SES, "ses/notifications.jsonl")
                .withId("0000013786031bbb-spam-000000:spamfilter@example.net");

        assertThat(e.type()).isEqualTo(SOFT_BOUNCE);
        assertThat(e.bounceType()).isEqualTo(BounceType.SOFT);
        assertThat(e.reason()).isEqualTo(BounceReason.SPAMDETECTED);
        assertThat(e.enhancedStatus()).isEqualTo("5.7.1");
    }

    @Test
    void permanentGeneralBlocklistedIsSoftBlocked() {
        String json = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"a@example.com\",\"status\":\"5.7.1\",\"diagnosticCode\":"
                + "\"smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org\"}],"
                + "\"timestamp\":\"2016-01-27T15:00:02.000Z\",\"feedbackId\":\"f1\"},\"mail\":{\"messageId\":\"m1\"}}";
        ProviderEvent e = Reads.read(ProviderFormat.SES, json).only();

        assertThat(e.type()).isEqualTo(SOFT_BOUNCE);
        assertThat(e.reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(e.replyCode()).isEqualTo("554");
    }

    @Test
    void subTypeHintsSuppressionComplaintAndDelivery() {
        Reads.Result r = Reads.resource(ProviderFormat.SES, "ses/notifications.jsonl");

        ProviderEvent full = r.withId("0000013786031ccc-full-000000:full@example.com");
        assertThat(full.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(full.enhancedStatus()).isEqualTo("4.2.2");

        ProviderEvent suppressed = r.withId("0000013786031ddd-supp-000000:suppressed@example.com");
        assertThat(suppressed.type()).isEqualTo(DROPPED);
        assertThat(suppressed.reason()).isEqualTo(BounceReason.ONHOLD);
        assertThat(suppressed.bounceType()).isNull();

        ProviderEvent complaint = r.withId("000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000:richard@example.com");
        assertThat(complaint.type()).isEqualTo(SPAM_COMPLAINT);
        assertThat(complaint.reason()).isEqualTo(BounceReason.FEEDBACK);
        assertThat(complaint.diagnostic()).isEqualTo("abuse");

        ProviderEvent delivered = r.events().get(r.events().size() - 1);
        assertThat(delivered.type()).isEqualTo(DELIVERED);
        assertThat(delivered.eventId()).hasSize(64); // SES gives deliveries no feedbackId
        assertThat(delivered.replyCode()).isEqualTo("250");
        assertThat(delivered.diagnostic()).isEqualTo("250 ok:  Message 64111812 accepted");
        assertThat(delivered.remoteMta()).isEqualTo("127.0.2.0");
        assertThat(delivered.messageId()).isEqualTo("0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000");
    }

    @Test
    void eventPublishingRecordsWithTagsAndDelays() {
        String json = "{\"eventType\":\"DeliveryDelay\",\"mail\":{\"timestamp\":\"2020-06-16T00:15:40.641Z\","
                + "\"messageId\":\"m2\",\"destination\":[\"a@example.com\"],\"tags\":{\"bouncedesk_tracking\":[\"e3.r4\"],"
                + "\"ses:configuration-set\":[\"cs\"]}},\"deliveryDelay\":{\"timestamp\":\"2020-06-16T00:25:40.095Z\","
                + "\"delayType\":\"MailboxFull\",\"expirationTime\":\"2020-06-16T00:25:40.914Z\",\"delayedRecipients\":"
                + "[{\"emailAddress\":\"a@example.com\",\"status\":\"4.2.2\",\"diagnosticCode\":\"smtp; 452 4.2.2 Mailbox full\"}]}}";
        ProviderEvent e = Reads.read(ProviderFormat.SES, json).only();

        assertThat(e.type()).isEqualTo(DEFERRED);
        assertThat(e.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(e.trackingToken()).isEqualTo("e3.r4");
        assertThat(e.metadata()).isEqualTo(Map.of("bouncedesk_tracking", "e3.r4", "ses:configuration-set", "cs"));
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2020-06-16T00:25:40.095Z"));
    }

    @Test
    void aBadRecipientIsReportedWithoutLosingTheOthers() {
        String json = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"a@example.com\"},{\"status\":\"5.1.1\"},{\"emailAddress\":42}],"
                + "\"timestamp\":\"2016-01-27T15:00:02.000Z\",\"feedbackId\":\"f2\"},\"mail\":{\"messageId\":\"m1\"}}";
        Reads.Result r = Reads.read(ProviderFormat.SES, json);

        assertThat(r.ids()).containsExactly("f2:a@example.com");
        assertThat(r.messages()).containsExactly(
                "line 1: 'bounce.bouncedRecipients[1].emailAddress' is missing",
                "line 1: 'bounce.bouncedRecipients[2].emailAddress' must be a string, not a number");
    }

    @Test
    void snsEnvelopeProblems() {
        String notJson = "{\"Type\":\"Notification\",\"MessageId\":\"x\",\"Message\":\"this is not json\",\"Timestamp\":\"2016-01-27T14:59:39.012Z\"}";
        String confirmation = "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"y\",\"Message\":\"You have chosen to subscribe\"}";
        String unknown = "{\"notificationType\":\"Teleport\",\"mail\":{\"messageId\":\"m\"}}";
        String noMail = "{\"notificationType\":\"Bounce\",\"bounce\":{}}";
        Reads.Result r = Reads.read(ProviderFormat.SES, String.join("\n", notJson, confirmation, unknown, noMail));

        assertThat(r.events()).isEmpty();
        assertThat(r.summary().skipped()).isEqualTo(1);
        assertThat(r.messages()).hasSize(3);
        assertThat(r.messages().get(0)).startsWith("line 1: SNS 'Message' is not valid JSON: Unrecognized token 'this'");
        assertThat(r.messages().get(1)).isEqualTo("line 3: unknown SES notification type 'Teleport'");
        assertThat(r.messages().get(2)).isEqualTo("line 4: 'mail' is missing");
    }

    @Test
    void missingTimestampsAreMalformed() {
        String json = "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"a@example.com\"}]},"
                + "\"mail\":{\"messageId\":\"m\"}}";
        Reads.Result r = Reads.read(ProviderFormat.SES, json);

        assertThat(r.messages()).containsExactly(
                "line 1: no timestamp: 'complaint.timestamp' and 'mail.timestamp' are both missing");
    }
}
