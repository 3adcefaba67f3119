package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.ContactDao;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BounceRecorder#batch} applies the bounce rules exactly as the one-by-one methods:
 * the same bounces (ids included), the same address state, the same contact statuses.
 */
class BounceRecorderBatchTest {

    @TempDir
    Path dir;

    private record Op(int kind, int address, int knownFailures) {
    }

    private static TestWorkspace workspace(Path dir, int addresses) {
        TestWorkspace t = new TestWorkspace(dir);
        for (int i = 0; i < addresses; i++) {
            t.contact("user" + i + "@example.org");
        }
        // a second contact on one address: both follow the address
        t.services.jdbi.useHandle(h -> h.execute("INSERT INTO contact (first_name, last_name, address_id, status,"
                + " created_at, updated_at) VALUES ('Twin', 'Zero', 1, 'ACTIVE', 0, 0)"));
        return t;
    }

    private static BounceRecorder recorder(TestWorkspace t) {
        ContactDao contacts = new ContactDao();
        return new BounceRecorder(new AddressDao(), new BounceDao(), new ContactStatusUpdater(contacts, t.clock),
                SoftBouncePolicy.standard());
    }

    private static BounceRecorder.Failure failure(int i) {
        return new BounceRecorder.Failure(i % 2 == 0 ? BounceReason.MAILBOXFULL : BounceReason.USERUNKNOWN,
                i % 2 == 0 ? BounceType.SOFT : BounceType.HARD, "4.2.2", "452", "diagnostic " + i, "mx.test",
                Instant.parse("2026-03-11T08:00:00Z").plusSeconds(i), "SMTP");
    }

    private static void one(BounceRecorder r, Handle h, Op op, int i) {
        long a = op.address() + 1;
        switch (op.kind()) {
            case 0 -> r.recordHard(h, a, null, null, failure(i));
            case 1, 2, 3 -> r.recordSoftFailure(h, a, null, null, failure(i));
            case 4 -> r.recordSoftHistory(h, a, null, null, failure(i));
            default -> r.recordDelivery(h, a, op.knownFailures());
        }
    }

    private static void batched(BounceRecorder.Batch b, Op op, int i) {
        long a = op.address() + 1;
        switch (op.kind()) {
            case 0 -> b.recordHard(a, null, null, failure(i));
            case 1, 2, 3 -> b.recordSoftFailure(a, null, null, failure(i));
            case 4 -> b.recordSoftHistory(a, null, null, failure(i));
            default -> b.recordDelivery(a, op.knownFailures());
        }
    }

    private static Map<String, List<String>> snapshot(TestWorkspace t) {
        return t.services.jdbi.withHandle(h -> Map.of(
                "email_address", rows(h, "SELECT * FROM email_address ORDER BY id"),
                "bounce", rows(h, "SELECT * FROM bounce ORDER BY id"),
                "contact", rows(h, "SELECT * FROM contact ORDER BY id")));
    }

    private static List<String> rows(Handle h, String sql) {
        return h.createQuery(sql).mapToMap().list().stream().map(m -> new java.util.TreeMap<>(m).toString())
                .collect(Collectors.toList());
    }

    @Test
    void batchesApplyTheRulesAsOneByOne() {
        Random rng = new Random(5);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // soft failures dominate so that some addresses reach the consecutive limit
            ops.add(new Op(rng.nextInt(12) == 0 ? 0 : rng.nextInt(10) < 7 ? 1 : rng.nextInt(6), rng.nextInt(6),
                    rng.nextInt(3)));
        }
        try (TestWorkspace a = workspace(dir.resolve("one"), 6); TestWorkspace b = workspace(dir.resolve("batch"), 6)) {
            BounceRecorder single = recorder(a);
            a.services.jdbi.useTransaction(h -> {
                for (int i = 0; i < ops.size(); i++) {
                    one(single, h, ops.get(i), i);
                }
            });
            BounceRecorder batching = recorder(b);
            for (int from = 0; from < ops.size(); from += 37) {
                int start = from;
                b.services.jdbi.useTransaction(h -> {
                    try (BounceRecorder.Batch batch = batching.batch(h)) {
                        for (int i = start; i < Math.min(ops.size(), start + 37); i++) {
                            batched(batch, ops.get(i), i);
                        }
                    }
                });
            }
            Map<String, List<String>> want = snapshot(a);
            assertThat(want.get("bounce")).anySatisfy(row -> assertThat(row).contains("source=SOFT_LIMIT"));
            assertThat(a.services.contacts.findByAddress("user0@example.org").orElseThrow().status())
                    .isEqualTo(ContactStatus.BOUNCED);
            Map<String, List<String>> got = snapshot(b);
            for (String table : want.keySet()) {
                assertThat(got.get(table)).as(table).containsExactlyElementsOf(want.get(table));
            }
        }
    }
}
