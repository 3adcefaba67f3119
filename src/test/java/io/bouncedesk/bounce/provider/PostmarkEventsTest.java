package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.bouncedesk.bounce.provider.ProviderEventType.*;
import static org.assertj.core.api.Assertions.assertThat;

class PostmarkEventsTest {

    @Test
    void bounceWebhook() {
        ProviderEvent e = Reads.resource(ProviderFormat.POSTMARK, "postmark/bounce.json").only();

        assertThat(e.provider()).isEqualTo(ProviderFormat.POSTMARK);
        assertThat(e.eventId()).isEqualTo("4323372036854775807");
        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
        assertThat(e.recipient()).isEqualTo("john@example.com");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2019-11-05T16:33:54.9070259Z"));
        // "Test bounce details" says nothing: Postmark's HardBounce type decides.
        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(e.diagnostic()).isEqualTo("Test bounce details");
        assertThat(e.messageId()).isEqualTo("883953f4-6105-42a2-a16a-77a8eac79483");
        assertThat(e.trackingToken()).isEqualTo("e5.r6");
        assertThat(e.metadata()).isEqualTo(Map.of("a_key", "a_value", "b_key", "b_value", "bouncedesk_tracking", "e5.r6"));
    }

    @Test
    void spamComplaintWebhook() {
        ProviderEvent e = Reads.resource(ProviderFormat.POSTMARK, "postmark/spam-complaint.json").only();

        assertThat(e.eventId()).isEqualTo("42");
        assertThat(e.type()).isEqualTo(SPAM_COMPLAINT);
        assertThat(e.reason()).isEqualTo(BounceReason.FEEDBACK);
        assertThat(e.bounceType()).isNull();
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2019-11-05T16:33:54.9070259Z"));
    }

    @Test
    void bounceTypesMapByTheServersTextFirst() {
        Reads.Result r = Reads.resource(ProviderFormat.POSTMARK, "postmark/bounces.jsonl");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.summary().skipped()).isEqualTo(1); // AutoResponder
        assertThat(r.events()).extracting(ProviderEvent::type).containsExactly(
                HARD_BOUNCE, SOFT_BOUNCE, SOFT_BOUNCE, DEFERRED, SOFT_BOUNCE, SOFT_BOUNCE, DELIVERED, UNSUBSCRIBE);

        ProviderEvent hard = r.withId("1001");
        assertThat(hard.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(hard.enhancedStatus()).isEqualTo("5.1.1");
        assertThat(hard.replyCode()).isEqualTo("550");
        assertThat(hard.trackingToken()).isEqualTo("e9.r10"); // from the bounce dump's headers
        assertThat(hard.occurredAt()).isEqualTo(Instant.parse("2014-08-01T17:28:10.2735393Z"));

        ProviderEvent hardButSpam = r.withId("1002");
        assertThat(hardButSpam.reason()).isEqualTo(BounceReason.SPAMDETECTED);
        assertThat(hardButSpam.bounceType()).isEqualTo(BounceType.SOFT);

        assertThat(r.withId("1003").reason()).isEqualTo(BounceReason.MAILBOXFULL);
        // "421 4.7.0 Try again later": the words name no cause, so the status does (4.7.0, a security refusal)
        assertThat(r.withId("1004").reason()).isEqualTo(BounceReason.SECURITYERROR);
        assertThat(r.withId("1004").bounceType()).isNull();
        assertThat(r.withId("1005").reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(r.withId("1007").reason()).isEqualTo(BounceReason.NETWORKERROR);
    }

    @Test
    void deliveryAndSubscriptionChangeWebhooks() {
        Reads.Result r = Reads.resource(ProviderFormat.POSTMARK, "postmark/bounces.jsonl");

        ProviderEvent delivered = r.events().get(6);
        assertThat(delivered.reason()).isEqualTo(BounceReason.DELIVERED);
        assertThat(delivered.eventId()).hasSize(64);
        assertThat(delivered.metadata()).containsEntry("example", "value");

        ProviderEvent unsubscribed = r.events().get(7);
        assertThat(unsubscribed.recipient()).isEqualTo("bounced-address@wildbit.com");
        assertThat(unsubscribed.occurredAt()).isEqualTo(Instant.parse("2020-02-01T10:53:34.416071Z"));
    }

    @Test
    void typeCodeAloneIsEnoughAndUnknownTypesAreMalformed() {
        String input = String.join("\n",
                "{\"ID\":1,\"TypeCode\":4096,\"Email\":\"a@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54Z\",\"Details\":\"mailbox full\"}",
                "{\"ID\":2,\"Type\":\"Teleported\",\"Email\":\"a@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54Z\"}",
                "{\"ID\":3,\"Type\":\"HardBounce\",\"Email\":\"a@example.com\",\"BouncedAt\":\"yesterday\"}",
                "{\"ID\":4,\"Type\":\"HardBounce\",\"BouncedAt\":\"2019-11-05T16:33:54Z\"}",
                "{\"ID\":5,\"TypeCode\":\"one\",\"Email\":\"a@example.com\",\"BouncedAt\":\"2019-11-05T16:33:54Z\"}");
        Reads.Result r = Reads.read(ProviderFormat.POSTMARK, input);

        assertThat(r.only().type()).isEqualTo(SOFT_BOUNCE);
        assertThat(r.only().reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(r.messages()).containsExactly(
                "line 2: unknown Postmark bounce type 'Teleported'",
                "line 3: 'BouncedAt' is not an ISO-8601 date-time: 'yesterday'",
                "line 4: 'Email' is missing",
                "line 5: 'TypeCode' must be a number, not a string");
    }

    @Test
    void bouncesApiPage() {
        String page = "{\"TotalCount\":2,\"Bounces\":[{\"ID\":10,\"Type\":\"HardBounce\",\"Email\":\"a@example.com\","
                + "\"BouncedAt\":\"2014-01-15T16:09:19.6421112-05:00\",\"Details\":\"test bounce\"},"
                + "{\"ID\":11,\"Type\":\"HardBounce\",\"BouncedAt\":\"2014-01-15T16:09:19-05:00\"}]}";
        Reads.Result r = Reads.read(ProviderFormat.POSTMARK, page);

        assertThat(r.ids()).containsExactly("10");
        assertThat(r.messages()).containsExactly("line 1: Bounces[1]: 'Email' is missing");
    }
}
