package io.bouncedesk.service;

import io.bouncedesk.bounce.SmtpReplyClassifier;
import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every simulated server reply classifies the way a careful platform would: only unknown users,
 * moved mailboxes and dead domains are hard. A greylisting reply ("451 4.7.1 Recipient address
 * rejected: Greylisted") was once taken for an unknown user and hard-bounced good addresses.
 */
class SimulatedTransportTest {

    @Test
    void onlyUnknownUsersMovedMailboxesAndDeadDomainsAreHard() {
        SimulatedTransport transport = new SimulatedTransport(42);
        Map<SimulatedTransport.Fate, String> sample = new EnumMap<>(SimulatedTransport.Fate.class);
        for (int i = 0; i < 200_000 && sample.size() < SimulatedTransport.Fate.values().length - 1; i++) {
            String address = "person" + i + "@example.org";
            sample.putIfAbsent(transport.fateOf(address), address);
        }
        sample.put(SimulatedTransport.Fate.HOST_UNKNOWN, "someone@" + SimulatedTransport.NONEXISTENT_DOMAINS.get(0));
        Set<BounceCategory> categories = EnumSet.noneOf(BounceCategory.class);
        for (Map.Entry<SimulatedTransport.Fate, String> e : sample.entrySet()) {
            for (int attempt = 1; attempt <= 6; attempt++) {
                DeliveryTransport.Reply reply = transport.deliver(new DeliveryTransport.OutgoingMessage(1, 1,
                        e.getValue(), "news@mail.example.eu", "s", "<m>", "e1.r1", "b@x"), attempt, Instant.EPOCH);
                if (reply.accepted()) {
                    continue;
                }
                BounceReason reason = SmtpReplyClassifier.classify(reply.replyCode(), reply.enhancedStatus(), reply.text());
                BounceType type = reason.type(SmtpReplyClassifier.isPermanent(reply.replyCode(), reply.enhancedStatus()));
                boolean shouldBeHard = switch (e.getKey()) {
                    case USER_UNKNOWN, HAS_MOVED, HOST_UNKNOWN -> true;
                    default -> false;
                };
                assertThat(type).as(e.getKey() + ": " + reply.text() + " -> " + reason.code())
                        .isEqualTo(shouldBeHard ? BounceType.HARD : BounceType.SOFT);
                categories.add(reason.category());
            }
        }
        assertThat(categories).as("the simulation covers every category of section 5")
                .containsAll(EnumSet.complementOf(EnumSet.of(BounceCategory.OTHER)));
    }

    @Test
    void temporaryRepliesAreNeverHard() {
        assertThat(SmtpReplyClassifier.classify("451", "4.7.1",
                "451 4.7.1 <a@b.org>: Recipient address rejected: Greylisted, please try again in 300 seconds"))
                .isNotIn(BounceReason.USERUNKNOWN, BounceReason.HOSTUNKNOWN, BounceReason.HASMOVED);
        assertThat(SmtpReplyClassifier.classify("450", "4.1.1", "450 4.1.1 <a@b.org>: Recipient address rejected: "
                + "unverified address: connection timed out").type(false)).isEqualTo(BounceType.SOFT);
        assertThat(SmtpReplyClassifier.classify("451", "4.4.4", "451 4.4.4 Temporary DNS failure")
                .type(false)).isEqualTo(BounceType.SOFT);
        assertThat(SmtpReplyClassifier.classify("550", "5.1.1", "550 5.1.1 <a@b.org>: Recipient address rejected: "
                + "User unknown in virtual mailbox table")).isEqualTo(BounceReason.USERUNKNOWN);
    }
}
