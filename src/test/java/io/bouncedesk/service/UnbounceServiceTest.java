package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules, section 7: every condition, checked by the service in one transaction. */
class UnbounceServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.connectSendingDomain();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    /** Contacts whose addresses hard-bounce on the next send. */
    private List<Long> bounced(int n, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String address = prefix + i + "@example.org";
            ids.add(t.contact(address));
            t.transport.reply(address, ScriptedTransport.USER_UNKNOWN);
        }
        t.send("Bounces " + prefix);
        return ids;
    }

    private UnbounceRule refusal(Callable<?> action) {
        try {
            action.call();
        } catch (UnbounceRefusedException e) {
            return e.rule();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    @Test
    void unbouncingRestoresEligibilityAuditsAndCountsAgainstTheQuota() {
        long id = bounced(1, "b").get(0);
        assertThat(t.services.unbounce.check(t.marketer, id).allowed()).isTrue();

        var done = t.services.unbounce.unbounce(t.marketer, id, true);

        assertThat(done.quotaAfter().used()).isEqualTo(1);
        ContactDetails d = t.services.contacts.details(id);
        assertThat(d.contact().status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(d.hardBounce()).isEmpty();
        assertThat(d.eligible()).isTrue();
        assertThat(d.history()).singleElement().satisfies(b -> {
            assertThat(b.unbouncedBy()).isEqualTo("marketer");
            assertThat(b.unbouncedAt()).isEqualTo(t.clock.instant());
        });
        assertThat(t.services.unbounce.quota().used()).isEqualTo(1);
        String audit = t.services.jdbi.withHandle(h -> h.createQuery(
                "SELECT username || ' ' || action || ' ' || before_json || ' ' || after_json FROM audit_log"
                        + " WHERE action = 'UNBOUNCE'").mapTo(String.class).one());
        assertThat(audit).startsWith("marketer UNBOUNCE").contains("\"status\":\"BOUNCED\"").contains("\"status\":\"ACTIVE\"");

        t.transport.reply("b0@example.org", ScriptedTransport.OK);
        SendReport next = t.send("Next");
        var recipient = t.services.jdbi.withHandle(h -> new RecipientDao().findOnEmail(h, next.emailId(),
                "b0@example.org").orElseThrow());
        assertThat(recipient.outcome()).isEqualTo(RecipientOutcome.DELIVERED);
    }

    @Test
    void oncePerContactEver() {
        long id = bounced(1, "twice").get(0);
        t.services.unbounce.unbounce(t.admin, id, true);
        t.transport.reply("twice0@example.org", ScriptedTransport.USER_UNKNOWN);
        t.send("Bounces again");
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, id, true)))
                .isEqualTo(UnbounceRule.ALREADY_UNBOUNCED);
    }

    @Test
    void refusalsNameTheRuleAndChangeNothing() {
        long bouncedId = bounced(1, "r").get(0);
        long clean = t.contact("clean@example.org");
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.viewer, bouncedId, true))).isEqualTo(UnbounceRule.PERMISSION);
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, bouncedId, false))).isEqualTo(UnbounceRule.NOT_CONFIRMED);
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, clean, true))).isEqualTo(UnbounceRule.NOT_BOUNCED);
        assertThat(t.services.unbounce.check(t.viewer, bouncedId).failing()).containsExactly(UnbounceRule.PERMISSION);
        assertThat(t.services.unbounce.quota().used()).isZero();
        assertThat(t.services.contacts.details(bouncedId).contact().status()).isEqualTo(ContactStatus.BOUNCED);
    }

    @Test
    void globalBouncesCannotBeUnbounced() {
        long id = bounced(1, "g").get(0);
        t.services.jdbi.useTransaction(h -> t.services.globalBounces.apply(h, List.of(new GlobalBounceDao.Entry(
                "g0@example.org", BounceReason.USERUNKNOWN.category(), BounceReason.USERUNKNOWN, Instant.EPOCH))));
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, id, true))).isEqualTo(UnbounceRule.GLOBAL_BOUNCE);
        assertThat(t.services.contacts.details(id).suppressedBecause()).contains(NotSentReason.PREVIOUSLY_BOUNCED);
    }

    @Test
    void purchasedListContactsCannotBeUnbounced() {
        long id = t.contact("bought@example.org", true, true);
        // a purchased contact is never sent to, so its bounce comes from elsewhere (an earlier platform)
        t.services.jdbi.useTransaction(h -> new BounceRecorder(new io.bouncedesk.persistence.AddressDao(),
                new io.bouncedesk.persistence.BounceDao(), new ContactStatusUpdater(new io.bouncedesk.persistence.ContactDao(), t.clock),
                SoftBouncePolicy.standard()).recordHard(h, t.services.contacts.details(id).contact().address().id(), null, null,
                new BounceRecorder.Failure(BounceReason.USERUNKNOWN, io.bouncedesk.domain.BounceType.HARD, "5.1.1", "550",
                        "User unknown", null, t.clock.instant(), "IMPORT")));
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, id, true))).isEqualTo(UnbounceRule.PURCHASED_LIST);
    }

    @Test
    void noConnectedSendingDomainNoUnbounce() throws Exception {
        try (TestWorkspace bare = new TestWorkspace(dir.resolve("bare"))) {
            long id = bare.contact("x@example.org");
            bare.transport.reply("x@example.org", ScriptedTransport.USER_UNKNOWN);
            bare.send("One");
            assertThat(refusal(() -> bare.services.unbounce.unbounce(bare.admin, id, true)))
                    .isEqualTo(UnbounceRule.NO_SENDING_DOMAIN);
        }
    }

    @Test
    void quotaLimitsAtTheBoundaries() {
        assertThat(UnbounceQuota.limitFor(0)).isEqualTo(10);
        assertThat(UnbounceQuota.limitFor(499)).isEqualTo(10);
        assertThat(UnbounceQuota.limitFor(500)).isEqualTo(10);
        assertThat(UnbounceQuota.limitFor(550)).isEqualTo(11);
        assertThat(UnbounceQuota.limitFor(50_000)).isEqualTo(1000);
        assertThat(UnbounceQuota.limitFor(50_001)).isEqualTo(1000);
        assertThat(UnbounceQuota.limitFor(2_000_000)).isEqualTo(1000);
    }

    @Test
    void theWorkspaceQuotaFollowsItsContactCount() {
        t.bulkContacts(498);
        assertThat(t.services.unbounce.quota().limit()).isEqualTo(10);
        t.bulkContacts(49_500);
        assertThat(t.services.contacts.count(io.bouncedesk.persistence.ContactFilter.all())).isEqualTo(49_998);
        assertThat(t.services.unbounce.quota().limit()).isEqualTo(999);
        t.bulkContacts(3);
        assertThat(t.services.unbounce.quota().limit()).isEqualTo(1000);
    }

    @Test
    void theEleventhUnbounceOfAMonthAtTheMinimumIsRefusedAndTheNextMonthRenews() {
        List<Long> ids = bounced(12, "q");
        for (int i = 0; i < 10; i++) {
            t.services.unbounce.unbounce(t.admin, ids.get(i), true);
        }
        assertThat(t.services.unbounce.quota().used()).isEqualTo(10);
        assertThat(t.services.unbounce.check(t.admin, ids.get(10)).failing()).containsExactly(UnbounceRule.QUOTA_EXHAUSTED);
        assertThat(refusal(() -> t.services.unbounce.unbounce(t.admin, ids.get(10), true)))
                .isEqualTo(UnbounceRule.QUOTA_EXHAUSTED);
        assertThat(t.services.contacts.details(ids.get(10)).contact().status()).isEqualTo(ContactStatus.BOUNCED);

        t.clock.advance(Duration.ofDays(31));
        t.services.unbounce.unbounce(t.admin, ids.get(10), true);
        assertThat(t.services.unbounce.quota().used()).isEqualTo(1);
    }

    @Test
    void monthsAreCountedInTheWorkspaceTimeZone() {
        // 2026-03-31T22:30Z is already April 1st in Warsaw (UTC+2 in summer time)
        t.clock.set(Instant.parse("2026-03-31T22:30:00Z"));
        assertThat(t.services.unbounce.quota().month()).isEqualTo("2026-04");
    }

    @Test
    void eightThreadsRacingForTheLastThreeUnitsExactlyThreeWin() throws Exception {
        List<Long> ids = bounced(15, "race");
        for (int i = 0; i < 7; i++) {
            t.services.unbounce.unbounce(t.admin, ids.get(i), true);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 7; i < 15; i++) {
            long id = ids.get(i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    t.services.unbounce.unbounce(t.admin, id, true);
                    return true;
                } catch (UnbounceRefusedException e) {
                    assertThat(e.rule()).isEqualTo(UnbounceRule.QUOTA_EXHAUSTED);
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            if (f.get()) {
                won++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(3);
        assertThat(t.services.unbounce.quota().used()).isEqualTo(10);
        long unbounced = t.services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM unbounce").mapTo(Long.class).one());
        assertThat(unbounced).isEqualTo(10);
    }
}
