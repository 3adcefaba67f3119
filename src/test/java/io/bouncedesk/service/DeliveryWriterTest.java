package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.DeliveryWriter;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DeliveryWriter writes what updateDelivery writes, the last state of each recipient, and nothing else. */
class DeliveryWriterTest {

    @TempDir
    Path dir;

    private static RecipientRow change(RecipientRow r, RecipientOutcome outcome, BounceType type, BounceReason reason,
                                       String diagnostic, int attempts, Instant at) {
        return new RecipientRow(r.id(), r.emailId(), r.contactId(), r.addressId(), r.address(), r.name(), outcome,
                r.notSentReason(), r.notSentCauseEmailId(), type, reason, reason == null ? null : reason.category(),
                r.smtpStatus(), r.replyCode(), diagnostic, "mx.other", r.messageId(), attempts, r.attemptBudget(),
                outcome == RecipientOutcome.PENDING ? at.plusSeconds(3600) : null, at,
                outcome == RecipientOutcome.DELIVERED ? at : r.deliveredAt(),
                outcome == RecipientOutcome.BOUNCED ? at : r.bouncedAt(), r.openedAt(), r.clickedAt(),
                r.unsubscribedAt(), r.spamAt());
    }

    @Test
    void writesTheLastStateOfEachRecipientLikeUpdateDelivery() {
        try (TestWorkspace one = new TestWorkspace(dir.resolve("one")); TestWorkspace batch = new TestWorkspace(dir.resolve("batch"))) {
            for (TestWorkspace t : List.of(one, batch)) {
                for (String a : List.of("ann@example.org", "bob@example.org", "cat@example.org")) {
                    t.contact(a);
                }
                t.send("Mail");
            }
            RecipientDao dao = new RecipientDao();
            Instant at = Instant.parse("2026-03-12T10:00:00Z");
            List<RecipientRow> rows = one.services.jdbi.withHandle(h -> List.of(dao.find(h, 1).orElseThrow(),
                    dao.find(h, 2).orElseThrow(), dao.find(h, 3).orElseThrow()));
            RecipientRow ann1 = change(rows.get(0), RecipientOutcome.PENDING, BounceType.SOFT, BounceReason.MAILBOXFULL,
                    "452 full", 2, at);
            RecipientRow ann2 = change(ann1, RecipientOutcome.BOUNCED, BounceType.HARD, BounceReason.USERUNKNOWN,
                    "550 unknown", 3, at.plusSeconds(60));
            RecipientRow bob = change(rows.get(1), RecipientOutcome.DELIVERED, null, null, "250 ok again", 1, at);
            RecipientRow cat = rows.get(2); // unchanged: nothing to write

            one.services.jdbi.useTransaction(h -> {
                dao.updateDelivery(h, ann1);
                dao.updateDelivery(h, ann2);
                dao.updateDelivery(h, bob);
            });
            long[] written = new long[1];
            batch.services.jdbi.useTransaction(h -> {
                try (DeliveryWriter w = dao.deliveryWriter(h)) {
                    w.update(rows.get(0), ann1);
                    w.update(ann1, ann2);
                    w.update(rows.get(1), bob);
                    w.update(cat, cat);
                    w.flush();
                    written[0] = w.written();
                }
            });

            assertThat(written[0]).isEqualTo(2);
            String sql = "SELECT * FROM recipient ORDER BY id";
            List<java.util.Map<String, Object>> want = one.services.jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list());
            List<java.util.Map<String, Object>> got = batch.services.jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list());
            assertThat(got).isEqualTo(want);
            RecipientRow stored = batch.services.jdbi.withHandle(h -> dao.find(h, 1).orElseThrow());
            assertThat(stored.outcome()).isEqualTo(RecipientOutcome.BOUNCED);
            assertThat(stored.bounceType()).isEqualTo(BounceType.HARD);
            assertThat(stored.attempts()).isEqualTo(3);
        }
    }
}
