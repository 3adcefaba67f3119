package io.bouncedesk.ui.i18n;

import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

import static io.bouncedesk.ui.i18n.I18nConsole.signIn;
import static io.bouncedesk.ui.i18n.I18nConsole.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** View > Language re-words the window in place: same email, same tab, the new language's labels. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    private final I18nConsole console = new I18nConsole();

    @Start
    void start(Stage stage) {
        console.start(stage, Locale.ENGLISH);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void switchingToDanishKeepsTheBouncedTabOfTheSameEmail(FxRobot robot) throws Exception {
        signIn(robot, "support", "demo");
        TableView<EmailSummary> emails = robot.lookup("#emailsTable").queryAs(TableView.class);
        waitUntil(() -> emails.getItems().size() == 6);
        EmailSummary email = emails.getItems().get(2);
        robot.doubleClickOn(robot.lookup("#emailsTable .table-row-cell").nth(2).queryAs(javafx.scene.Node.class));
        waitUntil(() -> robot.lookup("#tab-bounced").tryQuery().isPresent());
        robot.clickOn("#tab-bounced");
        waitUntil(() -> selectedTab(robot).equals("tab-bounced"));
        assertThat(title(robot)).isEqualTo(email.email().name());

        console.chooseLanguage(robot, "da");

        Messages da = Messages.of(Locale.forLanguageTag("da"));
        waitUntil(() -> robot.lookup("#recipientsTabs").tryQuery().isPresent()
                && robot.lookup("#tab-notsent").tryQuery().isPresent());
        assertThat(title(robot)).as("the same email").isEqualTo(email.email().name());
        assertThat(selectedTab(robot)).as("the same tab").isEqualTo("tab-bounced");
        assertThat(robot.lookup("#recipientsTabs .tab-name").queryAllAs(Label.class).stream().map(Label::getText))
                .contains(da.get("tab.sent"), da.get("tab.notsent"), da.get("tab.delivered"));
        assertThat(robot.lookup("#nav-emails").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo(da.get("nav.emails"));
        assertThat(robot.lookup("#nav-emails").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    private static String selectedTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#recipientsTabs").queryAs(TabPane.class);
        return tabs.getSelectionModel().getSelectedItem() == null ? "" : tabs.getSelectionModel().getSelectedItem().getId();
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#recipientsTitle").queryAs(Label.class).getText();
    }
}
