package io.bouncedesk.ui.console;

import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.TestWorkspace;
import io.bouncedesk.ui.recipients.RecipientItem;
import javafx.animation.AnimationTimer;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static io.bouncedesk.ui.console.ConsoleDriver.signIn;
import static io.bouncedesk.ui.console.ConsoleDriver.table;
import static io.bouncedesk.ui.console.ConsoleDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One email with a million recipients: the Recipients view opens, jumps to the end, sorts and
 * searches while the FX thread keeps drawing frames (no gap between two frames of 750 ms or more).
 * Slow to set up (a million rows) and timing-sensitive, so it runs only when asked:
 * {@code mvn test -Dtest=MillionRecipientsSmokeTest -Dbouncedesk.million=true}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "bouncedesk.million", matches = "true")
class MillionRecipientsSmokeTest {

    @TempDir
    static Path dir;
    private final ConsoleDriver console = new ConsoleDriver();
    private final AtomicLong lastFrame = new AtomicLong();
    private final AtomicLong longestGapMs = new AtomicLong();

    @Start
    void start(Stage stage) {
        TestWorkspace t = new TestWorkspace(dir);
        t.connectSendingDomain();
        long contact = t.contact("one@example.org");
        long email = t.send("A million").emailId();
        t.services.jdbi.useHandle(h -> h.execute("INSERT INTO recipient (email_id, contact_id, address_id, address,"
                + " address_key, name, name_key, outcome, bounce_type, event_at, delivered_at)"
                + " WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000)"
                + " SELECT ?, ?, (SELECT address_id FROM contact WHERE id = ?), 'user' || x || '@example.org',"
                + " 'user' || x || '@example.org', 'Name ' || ((x * 7919) % 1000003), 'name ' || ((x * 7919) % 1000003),"
                + " CASE WHEN x % 10 = 0 THEN 'BOUNCED' ELSE 'DELIVERED' END,"
                + " CASE WHEN x % 10 = 0 THEN 'HARD' END, 1700000000000 + x, 1700000000000 + x FROM c",
                email, contact, contact));
        t.close();
        console.start(stage, dir.resolve("test.db"));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = lastFrame.getAndSet(now);
                if (previous != 0) {
                    longestGapMs.accumulateAndGet((now - previous) / 1_000_000, Math::max);
                }
            }
        }.start();
    }

    private long worst;

    /** Prints the longest frame gap of a step (the machine's load shows in these numbers too). */
    private void step(String name) {
        System.out.println("STEP " + name + ": longest frame gap " + longestGapMs.get() + " ms");
        worst = Math.max(worst, longestGapMs.getAndSet(0));
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void aMillionRecipientsOpenScrollSortAndSearchWithoutStallingTheWindow(FxRobot robot) {
        signIn(robot, "support", "secret");
        TableView<?> emails = table(robot, "#emailsTable");
        waitUntil(() -> emails.getItems().size() == 1);
        robot.doubleClickOn(ConsoleDriver.row(robot, "#emailsTable", 0));
        TableView<RecipientItem> recipients = table(robot, "#recipientsTable");
        waitUntil(() -> recipients.getItems().size() > 1_000_000);
        longestGapMs.set(0);

        step("opened");
        int last = recipients.getItems().size() - 1;
        robot.interact(() -> recipients.scrollTo(last));
        waitUntil(() -> !recipients.getItems().get(last).isPlaceholder());
        step("scrolled to the end");
        for (int k = 1; k <= 5; k++) {
            int target = last - k * 150_000;
            robot.interact(() -> recipients.scrollTo(target));
            waitUntil(() -> !recipients.getItems().get(target).isPlaceholder());
            step("jump to " + target);
        }
        for (int k = 0; k < 20; k++) {
            robot.scroll(10, javafx.geometry.VerticalDirection.DOWN);
        }
        step("wheel scrolling");
        robot.clickOn(robot.lookup("#col-address").queryAs(javafx.scene.Node.class));
        waitUntil(() -> recipients.getSortOrder().size() == 1 && !recipients.getItems().get(0).isPlaceholder()
                && recipients.getItems().get(0).address().startsWith("one@"));
        step("sorted");
        robot.clickOn("#tab-bounced");
        waitUntil(() -> recipients.getItems().size() == 100_000 && !recipients.getItems().get(0).isPlaceholder());
        step("bounced tab");
        robot.clickOn(ConsoleDriver.expander(robot, 0));
        waitUntil(() -> robot.lookup(".recipient-detail").tryQuery().isPresent());
        step("expanded");
        robot.interact(() -> recipients.scrollTo(90_000));
        waitUntil(() -> !recipients.getItems().get(90_000).isPlaceholder());
        step("bounced jump 90k");
        robot.clickOn("#tab-sent");
        waitUntil(() -> recipients.getItems().size() > 1_000_000);
        robot.clickOn("#recipientsSearch").write("user99999");
        waitUntil(() -> recipients.getItems().size() == 11);
        step("searched");

        assertThat(Math.max(worst, longestGapMs.get())).as("longest time between two frames (ms)").isLessThan(750);
        System.out.println("Million recipients: longest gap between frames " + longestGapMs.get() + " ms; sort "
                + RecipientQuery.Sort.ADDRESS);
    }
}
