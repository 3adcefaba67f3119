package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.bouncedesk.bounce.provider.ProviderEventType.*;
import static org.assertj.core.api.Assertions.assertThat;

class SendGridEventsTest {

    private static final Instant T = Instant.ofEpochSecond(1513299569);

    @Test
    void readsTheDocumentedBatchOfEveryEventType() {
        Reads.Result r = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.summary().skipped()).isEqualTo(2); // processed, group_resubscribe
        assertThat(r.events()).extracting(ProviderEvent::type).containsExactly(
                DEFERRED, DELIVERED, OPEN, CLICK, HARD_BOUNCE, SOFT_BOUNCE, DROPPED, SPAM_COMPLAINT,
                UNSUBSCRIBE, UNSUBSCRIBE);
        assertThat(r.events()).allSatisfy(e -> assertThat(e.provider()).isEqualTo(ProviderFormat.SENDGRID));
    }

    @Test
    void deliveredCarriesCustomArgsAndTheTrackingToken() {
        ProviderEvent e = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json").withId("rWVYmVk90MjZJ9iohOBa3w==");

        assertThat(e.type()).isEqualTo(DELIVERED);
        assertThat(e.recipient()).isEqualTo("example@test.com");
        assertThat(e.occurredAt()).isEqualTo(T);
        assertThat(e.reason()).isEqualTo(BounceReason.DELIVERED);
        assertThat(e.bounceType()).isNull();
        assertThat(e.replyCode()).isEqualTo("250");
        assertThat(e.diagnostic()).isEqualTo("250 OK");
        assertThat(e.messageId()).isEqualTo("14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000");
        assertThat(e.trackingToken()).isEqualTo("e12.r345");
        assertThat(e.metadata()).isEqualTo(Map.of("bouncedesk_tracking", "e12.r345", "campaign", "spring-sale"));
    }

    @Test
    void bounceOfAnUnknownRecipientIsHard() {
        ProviderEvent e = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json").withId("6g4ZI7SA-xmRDv57GoPIPw==");

        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
        assertThat(e.recipient()).isEqualTo("Alex@example.com"); // domain lower-cased, local part as written
        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.bounceType()).isEqualTo(BounceType.HARD);
        assertThat(e.enhancedStatus()).isEqualTo("5.0.0");
        assertThat(e.replyCode()).isEqualTo("500");
        assertThat(e.diagnostic()).isEqualTo("500 unknown recipient");
        assertThat(e.metadata()).isEmpty();
    }

    @Test
    void blockedBounceIsSoftWithAReputationReason() {
        ProviderEvent e = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json").withId("Bk7c1mW0QYOXyZ1hB3rM5A==");

        assertThat(e.type()).isEqualTo(SOFT_BOUNCE);
        assertThat(e.reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(e.bounceType()).isEqualTo(BounceType.SOFT);
        assertThat(e.enhancedStatus()).isEqualTo("5.7.1");
        assertThat(e.replyCode()).isEqualTo("550");
    }

    @Test
    void blockedBounceWithoutKnownTextIsRejectedOrBlockedByWording() {
        String refused = "{\"email\":\"a@example.com\",\"timestamp\":1,\"event\":\"bounce\",\"type\":\"blocked\","
                + "\"status\":\"5.0.0\",\"reason\":\"550 Message refused\",\"sg_event_id\":\"b1\"}\n"
                + "{\"email\":\"b@example.com\",\"timestamp\":1,\"event\":\"bounce\",\"type\":\"blocked\","
                + "\"reason\":\"554 Connection blocked by remote\",\"sg_event_id\":\"b2\"}\n";
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, refused);

        assertThat(r.withId("b1").reason()).isEqualTo(BounceReason.REJECTED);
        assertThat(r.withId("b2").reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(r.events()).allSatisfy(e -> assertThat(e.bounceType()).isEqualTo(BounceType.SOFT));
    }

    @Test
    void bounceClassificationIsAFallbackBehindTheServersText() {
        String line = "{\"email\":\"a@example.com\",\"timestamp\":1,\"event\":\"bounce\",\"type\":\"bounce\","
                + "\"status\":\"5.0.0\",\"reason\":\"550 rejected\",\"bounce_classification\":\"Invalid Address\"}";
        ProviderEvent e = Reads.read(ProviderFormat.SENDGRID, line).only();

        assertThat(e.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(e.type()).isEqualTo(HARD_BOUNCE);
    }

    @Test
    void deferredDroppedAndComplaintReasons() {
        Reads.Result r = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json");

        ProviderEvent deferred = r.withId("t7LEShmowp86DTdUW8M-GQ==");
        // "400 try again later" names no cause: on hold, as the same words in a bounce message
        assertThat(deferred.reason()).isEqualTo(BounceReason.ONHOLD);
        assertThat(deferred.replyCode()).isEqualTo("400");
        assertThat(deferred.bounceType()).isNull();

        ProviderEvent dropped = r.withId("zmzJhfJgAfUSOW80yEbPyw==");
        assertThat(dropped.reason()).isEqualTo(BounceReason.ONHOLD);
        assertThat(dropped.diagnostic()).isEqualTo("Bounced Address");
        assertThat(dropped.bounceType()).isNull();

        assertThat(r.withId("Bkk_7QZLzDmtbNamKhxwpg==").reason()).isEqualTo(BounceReason.FEEDBACK);
        assertThat(r.withId("FOTFFO0ecsBE-zxFXfs6WA==").reason()).isNull();
    }

    @Test
    void jsonLinesGiveTheSameEventsAsTheArray() {
        Reads.Result array = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.json");
        Reads.Result lines = Reads.resource(ProviderFormat.SENDGRID, "sendgrid/events.jsonl");

        assertThat(lines.events()).isEqualTo(array.events());
        assertThat(lines.summary().skipped()).isEqualTo(2);
    }

    @Test
    void eventsWithoutSgEventIdGetAStableHashIgnoringKeyOrderAndSpacing() {
        String a = "{\"email\":\"x@example.com\",\"timestamp\":1386636115,\"reason\":\"Invalid\",\"event\":\"dropped\"}";
        String b = "{ \"event\": \"dropped\", \"reason\": \"Invalid\", \"timestamp\": 1386636115, \"email\": \"x@example.com\" }";
        String c = "{\"email\":\"x@example.com\",\"timestamp\":1386636116,\"reason\":\"Invalid\",\"event\":\"dropped\"}";

        String id = Reads.read(ProviderFormat.SENDGRID, a).only().eventId();
        assertThat(id).hasSize(64).matches("[0-9a-f]+");
        assertThat(Reads.read(ProviderFormat.SENDGRID, b).only().eventId()).isEqualTo(id);
        assertThat(Reads.read(ProviderFormat.SENDGRID, c).only().eventId()).isNotEqualTo(id);
        assertThat(Reads.read(ProviderFormat.SENDGRID, a).only().reason()).isEqualTo(BounceReason.SYNTAXERROR);
    }

    @Test
    void malformedEventsAreReportedWithLineAndReasonAndTheOthersStillRead() {
        String input = String.join("\n",
                "{\"email\":\"ok1@example.com\",\"timestamp\":1,\"event\":\"delivered\",\"sg_event_id\":\"1\"}",
                "{\"timestamp\":1,\"event\":\"delivered\",\"sg_event_id\":\"2\"}",
                "{\"email\":{\"address\":\"a@b.c\"},\"timestamp\":1,\"event\":\"delivered\",\"sg_event_id\":\"3\"}",
                "{\"email\":\"a@example.com\",\"timestamp\":\"soon\",\"event\":\"delivered\",\"sg_event_id\":\"4\"}",
                "{\"email\":\"a@example.com\",\"timestamp\":1,\"event\":\"teleported\",\"sg_event_id\":\"5\"}",
                "{\"email\":\"  \",\"timestamp\":1,\"event\":\"open\",\"sg_event_id\":\"6\"}",
                "{\"email\":\"ok2@example.com\",\"event\":\"open\",\"sg_event_id\":\"7\"}",
                "{\"email\":\"ok3@example.com\",\"timestamp\":1,\"event\":\"open\",\"sg_event_id\":\"8\"}");
        Reads.Result r = Reads.read(ProviderFormat.SENDGRID, input);

        assertThat(r.ids()).containsExactly("1", "8");
        assertThat(r.messages()).containsExactly(
                "line 2: 'email' is missing",
                "line 3: 'email' must be a string, not an object",
                "line 4: 'timestamp' is not a Unix time in seconds: 'soon'",
                "line 5: unknown SendGrid event type 'teleported'",
                "line 6: 'email' is empty",
                "line 7: 'timestamp' is missing");
        assertThat(r.summary().malformed()).isEqualTo(6);
        assertThat(r.summary().events()).isEqualTo(2);
    }
}
