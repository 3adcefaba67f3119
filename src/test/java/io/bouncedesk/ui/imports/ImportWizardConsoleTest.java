package io.bouncedesk.ui.imports;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.Workspace;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static io.bouncedesk.ui.imports.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** File > Import driven headless: an all-or-nothing contacts file with a bad row, then a good one. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardConsoleTest {

    private static Path workspace;
    private static Path files;
    private final ConsoleHarness console = new ConsoleHarness();

    @BeforeAll
    static void build() throws Exception {
        workspace = ConsoleHarness.demoWorkspace(s -> { });
        files = io.bouncedesk.TempFolders.create("bouncedesk-import-files");
        Files.writeString(files.resolve("bad.csv"), "email,first name,last name\nnew1@example.org,Ana,Nowak\n"
                + "not-an-address,Bo,Dvořák\nnew2@example.org,Cy,Eriksen\n", StandardCharsets.UTF_8);
        StringBuilder good = new StringBuilder("E-mail;Jméno;Příjmení;Firma;Poznámka\n");
        for (int i = 0; i < 3000; i++) {
            good.append("novy").append(i).append("@example.cz;Jana;Nováková;Firma ").append(i % 40).append(";VIP\n");
        }
        Files.writeString(files.resolve("kontakty.csv"), good, StandardCharsets.UTF_8);
    }

    @Start
    void start(Stage stage) {
        console.start(stage, workspace);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    private static long contacts() {
        try (Workspace ws = Workspace.open(workspace)) {
            return new Services(ws, Clock.systemUTC(), null).contacts.count(io.bouncedesk.persistence.ContactFilter.all());
        }
    }

    private void openWizard(FxRobot robot, Path file) {
        robot.clickOn("#menuFile").clickOn("Import…");
        waitUntil(() -> robot.lookup("#importWizard").tryQuery().isPresent());
        TextField path = robot.lookup("#importFile").queryAs(TextField.class);
        robot.interact(() -> path.setText(file.toString())); // as pasted; the file chooser is the OS's
        robot.clickOn("#importNext");
        waitUntil(() -> robot.lookup("#importPreviewTable").tryQuery().isPresent()
                && !robot.lookup("#importPreviewTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void aContactsFileWithOneBadRowShowsTheRowAndImportsNothing(FxRobot robot) throws Exception {
        long before = contacts();
        ConsoleHarness.signIn(robot, "marketer");
        openWizard(robot, files.resolve("bad.csv"));
        robot.clickOn("#importNext"); // to the columns
        waitUntil(() -> robot.lookup("#map-email").tryQuery().isPresent());
        robot.clickOn("#importNext"); // check
        waitUntil(() -> robot.lookup("#importCheckResult").tryQuery().isPresent()
                && !robot.lookup("#importCheckResult").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#importCheckResult").queryAs(Label.class).getText())
                .startsWith("Nothing would be imported because 1 row was rejected");
        TableView<ImportProblem> problems = robot.lookup("#importProblems").queryTableView();
        assertThat(problems.getItems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("3"));
        assertThat(robot.lookup("#importNext").queryAs(Button.class).isDisabled()).isTrue();
        Window wizard = ConsoleHarness.windowOf(robot, "#importWizard");
        ConsoleHarness.picture("import-wizard-result", console.stage, wizard);
        robot.clickOn("#importClose");
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void aGoodFileIsMappedAndImportedWithProgress(FxRobot robot) throws Exception {
        long before = contacts();
        ConsoleHarness.signIn(robot, "marketer");
        openWizard(robot, files.resolve("kontakty.csv"));
        robot.clickOn("#importNext");
        waitUntil(() -> robot.lookup("#map-email").tryQuery().isPresent());
        Window wizard = ConsoleHarness.windowOf(robot, "#importWizard");
        ConsoleHarness.picture("import-wizard-mapping", console.stage, wizard);
        robot.clickOn("#importNext"); // check
        waitUntil(() -> robot.lookup("#importCheckResult").tryQuery().isPresent()
                && robot.lookup("#importCheckResult").queryAs(Label.class).getText().startsWith("All 3,000 rows"));
        robot.clickOn("#importNext"); // import
        waitUntil(() -> robot.lookup("#importResult").tryQuery().isPresent()
                && !robot.lookup("#importResult").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#importResult").queryAs(Label.class).getText())
                .isEqualTo("Imported: 3,000 new, 0 updated, 0 unchanged.");
        ConsoleHarness.picture("import-wizard-done", console.stage, wizard);
        robot.clickOn("#importClose");
        assertThat(contacts()).isEqualTo(before + 3000);
    }
}
