package io.bouncedesk.service;

import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.persistence.SendingSetupDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipientServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    RecipientService service;
    long first;
    long second;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.connectSendingDomain();
        t.services.jdbi.useHandle(h -> {
            new SendingSetupDao().addIp(h, "192.0.2.10", "Dedicated 1");
            new SendingSetupDao().addIp(h, "192.0.2.11", "Dedicated 2");
        });
        t.contact("anna@example.org");
        t.contact("bob@example.org");
        t.contact("gone@example.org");
        t.contact("full@example.org");
        t.contact("bought@example.org", true, true);
        t.transport.reply("gone@example.org", ScriptedTransport.USER_UNKNOWN);
        t.transport.reply("full@example.org", ScriptedTransport.MAILBOX_FULL);
        first = t.send("First").emailId();
        t.clock.advance(Duration.ofDays(7));
        second = t.send("Second").emailId();
        service = t.services.recipients;
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void countsEveryTabFromTheDatabase() {
        var counts = service.counts(second);
        assertThat(counts.delivered()).isEqualTo(2);
        assertThat(counts.notSent()).isEqualTo(2);
        for (RecipientTab tab : RecipientTab.values()) {
            assertThat(service.count(RecipientQuery.of(second, tab))).as(tab.name())
                    .isEqualTo(service.page(RecipientQuery.of(second, tab), 0, 100).size());
        }
        assertThat(service.count(RecipientQuery.of(first, RecipientTab.BOUNCED).withBounceType(BounceType.HARD)))
                .isEqualTo(1);
    }

    @Test
    void readsPagesInTheQuerysOrderAndRefusesToReadAWholeList() {
        RecipientQuery byAddress = RecipientQuery.of(second, RecipientTab.ALL).sortedBy(RecipientQuery.Sort.ADDRESS, false);
        List<String> page = service.page(byAddress, 1, 2).stream().map(i -> i.recipient().address()).toList();
        assertThat(page).containsExactly("bob@example.org", "bought@example.org");
        assertThatThrownBy(() -> service.page(byAddress, 0, RecipientService.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchesByAddressOrNamePrefixInTheDatabase() {
        RecipientQuery q = RecipientQuery.of(second, RecipientTab.ALL).withSearch("Go");
        assertThat(service.count(q)).isEqualTo(1);
        assertThat(service.page(q, 0, 10)).singleElement()
                .extracting(i -> i.recipient().address()).isEqualTo("gone@example.org");
    }

    @Test
    void aListOpensWithItsSizeAndFirstRowsReadTogether() {
        for (RecipientQuery q : List.of(RecipientQuery.of(second, RecipientTab.ALL).withSearch("Go"),
                RecipientQuery.of(second, RecipientTab.ALL).sortedBy(RecipientQuery.Sort.ADDRESS, true),
                RecipientQuery.of(second, RecipientTab.NOT_SENT))) {
            RecipientService.FirstPage first = service.firstPage(q, 2);
            assertThat(first.count()).as(q.toString()).isEqualTo(service.count(q));
            assertThat(first.rows()).as(q.toString()).extracting(i -> i.recipient().id())
                    .containsExactlyElementsOf(service.page(q, 0, 2).stream().map(i -> i.recipient().id()).toList());
        }
        assertThatThrownBy(() -> service.firstPage(RecipientQuery.of(second, RecipientTab.ALL), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBounceHasItsAttemptsWithTheServersReplies() {
        RecipientRow gone = row(first, "gone@example.org");
        RecipientDetail detail = service.detail(gone.id());
        assertThat(detail.recipient().outcome()).isEqualTo(RecipientOutcome.BOUNCED);
        assertThat(detail.attempts()).singleElement().satisfies(a -> {
            assertThat(a.smtpStatus()).isEqualTo("5.1.1");
            assertThat(a.replyText()).contains("5.1.1");
        });
        assertThat(detail.causeEmail()).isNull();
    }

    @Test
    void aNotSentRowNamesTheEarlierEmailOnWhichTheAddressHardBounced() {
        RecipientRow gone = row(second, "gone@example.org");
        assertThat(gone.notSentReason()).isEqualTo(NotSentReason.PREVIOUSLY_BOUNCED);
        RecipientDetail detail = service.detail(gone.id());
        assertThat(detail.causeEmail().id()).isEqualTo(first);
        assertThat(detail.causeEmail().name()).isEqualTo("First");
        assertThat(detail.causeRecipient().bounceType()).isEqualTo(BounceType.HARD);
        assertThat(detail.causeRecipient().smtpStatus()).isEqualTo("5.1.1");
        assertThat(detail.attempts()).isEmpty();

        RecipientDetail bought = service.detail(row(second, "bought@example.org").id());
        assertThat(bought.recipient().notSentReason()).isEqualTo(NotSentReason.PURCHASED_LIST);
        assertThat(bought.causeEmail()).isNull();
    }

    @Test
    void warnsWhenTheFromDomainIsNotAConnectedSendingDomain() {
        EmailDetails ok = service.emailDetails(second);
        assertThat(ok.fromDomain()).isEqualTo("mail.example.eu");
        assertThat(ok.fromDomainConnected()).isTrue();
        t.services.jdbi.useHandle(h -> new SendingSetupDao().setConnected(h, "mail.example.eu", false));
        EmailDetails warned = service.emailDetails(second);
        assertThat(warned.fromDomainConnected()).isFalse();
        assertThat(warned.connectedDomains()).isEmpty();
    }

    @Test
    void aSubdomainOfAConnectedDomainIsCoveredButALookAlikeIsNot() {
        assertThat(RecipientService.covered("mail.example.eu", List.of("example.eu"))).isTrue();
        assertThat(RecipientService.covered("Example.EU", List.of("example.eu"))).isTrue();
        assertThat(RecipientService.covered("badexample.eu", List.of("example.eu"))).isFalse();
        assertThat(RecipientService.covered("example.eu", List.of("mail.example.eu"))).isFalse();
    }

    @Test
    void givesADeliveredRecipientsItTeamEverythingToFindAndAllowlistTheMessage() {
        RecipientRow anna = row(second, "anna@example.org");
        ItTeamDetails d = service.itTeamDetails(anna.id());
        assertThat(d.recipientAddress()).isEqualTo("anna@example.org");
        assertThat(d.subject()).isEqualTo("Subject of Second");
        assertThat(d.fromName()).isEqualTo("Example");
        assertThat(d.fromAddress()).isEqualTo("news@mail.example.eu");
        assertThat(d.messageId()).isEqualTo(anna.messageId()).startsWith("<bd.e" + second + ".r");
        assertThat(d.deliveredAt().toInstant()).isEqualTo(anna.deliveredAt());
        assertThat(d.deliveredAt().getZone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(d.sendingIps()).containsExactly("192.0.2.10", "192.0.2.11");

        RecipientRow full = row(second, "full@example.org");
        assertThatThrownBy(() -> service.itTeamDetails(full.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> service.itTeamDetails(999_999)).isInstanceOf(NotFoundException.class);
    }

    private RecipientRow row(long emailId, String address) {
        return t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, emailId, address).orElseThrow());
    }

}
