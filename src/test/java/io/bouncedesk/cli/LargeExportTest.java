package io.bouncedesk.cli;

import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.service.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200,000-row export in a JVM with a 48 MB heap: holding the rows would need several times
 * that, so finishing proves the export streams in constant memory.
 */
class LargeExportTest {

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandRowsInASmallHeap() throws Exception {
        int rows = 200_000;
        long emailId;
        try (TestWorkspace t = new TestWorkspace(dir)) {
            t.bulkContacts(1);
            emailId = t.send("Big").emailId();
            t.services.jdbi.useTransaction(h -> {
                RecipientDao dao = new RecipientDao();
                long next = dao.nextId(h);
                long contact = h.createQuery("SELECT MIN(id) FROM contact").mapTo(Long.class).one();
                long address = h.createQuery("SELECT MIN(id) FROM email_address").mapTo(Long.class).one();
                List<RecipientRow> batch = new ArrayList<>();
                for (int i = 0; i < rows - 1; i++) {
                    batch.add(new RecipientRow(next + i, emailId, contact, address, "person" + i + "@example.org",
                            "Person Number " + i, RecipientOutcome.DELIVERED, null, null, null, null, null, "2.0.0",
                            "250", "250 2.0.0 Ok: queued as " + Long.toHexString(i * 7919L) + " — accepted for delivery",
                            "mx1.example.org", "<bd.e1.r" + i + "@mail.example.eu>", 1, 6, null, Instant.EPOCH,
                            Instant.EPOCH, null, null, null, null, null));
                    if (batch.size() == 5_000) {
                        dao.insertBatch(h, batch);
                        batch.clear();
                    }
                }
                dao.insertBatch(h, batch);
            });
        }
        Path out = dir.resolve("big.csv");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("bouncedesk.cli.classpath", System.getProperty("java.class.path")),
                "io.bouncedesk.app.Main", "export", "recipients", "--email", Long.toString(emailId), "--tab", "all",
                "--out", out.toString(), "--workspace", dir.resolve("test.db").toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(Map.of());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("Exported " + rows + " recipients");
        try (var lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(rows + 1);
        }
    }
}
