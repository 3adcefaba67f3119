package io.bouncedesk.ui.audit;

import atlantafx.base.theme.PrimerLight;
import io.bouncedesk.ui.TestConsole;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log screen in each language: the table says who did what to what in the reader's words
 * (target/screenshots/audit-log-LANG.png), not in the English the log stores.
 */
@ExtendWith(ApplicationExtension.class)
class AuditViewTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;

    private final ExecutorService workers = TestConsole.workers("audit-worker");
    private Stage stage;

    @BeforeAll
    static void workspace() {
        ws = AuditedWorkspace.build(dir);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pl", "fr", "da", "cs"})
    void theLogReadsInTheUsersLanguage(String language, FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Messages m = Messages.of(locale);
        Formats f = new Formats(locale, ZoneOffset.UTC);
        AuditViewModel vm = new AuditViewModel(ws.services.auditLog, new BackgroundTasks(workers, Platform::runLater),
                m, ZoneOffset.UTC);
        WaitForAsyncUtils.asyncFx(() -> {
            StackPane root = new StackPane(new AuditView(vm, m, f));
            Scene scene = new Scene(root, 1440, 640);
            scene.getStylesheets().add(AuditViewTest.class.getResource("/io/bouncedesk/ui/console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.load();
        }).get();
        TableView<AuditItem> table = robot.lookup("#auditTable").queryAs(TableView.class);
        TestConsole.waitUntil(20, () -> !table.getItems().isEmpty() && !table.getItems().get(0).isPlaceholder());
        Thread.sleep(200); // the last layout pass
        TestConsole.snapshot(stage.getScene().getRoot(), "audit-log-" + language);

        List<String> subjects = column(table, "audit-col-subject");
        List<String> after = column(table, "audit-col-after");
        AuditText text = new AuditText(m, f);
        assertThat(subjects).contains(text.subject("USER_ROLE_CHANGED", "user support"),
                text.subject("SENDING_DOMAIN_ADDED", "domain news.example.com"));
        assertThat(after).contains(m.format("audit.field", m.get("audit.field.role"),
                m.get("role.MARKETING_EMAIL")));
        if (!language.equals("en")) {
            assertThat(subjects).noneMatch(s -> s.startsWith("user ") || s.startsWith("domain ")
                    || s.startsWith("segment ") || s.startsWith("contact "));
            assertThat(after).noneMatch(s -> s.startsWith("role:") || s.startsWith("connected:"));
        }
    }

    /** The texts a column shows for the loaded rows. */
    @SuppressWarnings("unchecked")
    private static List<String> column(TableView<AuditItem> table, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableColumn<AuditItem, String> c = (TableColumn<AuditItem, String>) table.getColumns().stream()
                    .filter(col -> id.equals(col.getId())).findFirst().orElseThrow();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (!table.getItems().get(i).isPlaceholder()) {
                    texts.add(c.getCellData(i));
                }
            }
            return texts;
        }).get();
    }
}
