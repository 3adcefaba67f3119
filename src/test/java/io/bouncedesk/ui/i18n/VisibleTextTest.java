package io.bouncedesk.ui.i18n;

import io.bouncedesk.service.EmailSummary;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.bouncedesk.ui.i18n.I18nConsole.signIn;
import static io.bouncedesk.ui.i18n.I18nConsole.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the main screens (sign-in, Marketing emails, an email's Bounced tab, Dashboard, Contacts,
 * Audit log, Settings) and checks every visible text. A text passes when the current language's
 * bundle gives it (a value, or a pattern's output); otherwise it must be data of the workspace,
 * which in Polish means it is neither an English text of the console nor a message key (a missing
 * key shows as itself). Texts that are neither are listed in target/i18n/visible-texts-LANG.txt
 * for a person to read.
 */
@ExtendWith(ApplicationExtension.class)
class VisibleTextTest {

    private static final Pattern KEY_LIKE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)+");

    private final I18nConsole console = new I18nConsole();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pl"})
    void everyVisibleTextIsTranslatedOrData(String language, FxRobot robot) throws Exception {
        String lang = language.equals("en") ? null : language;
        WaitForAsyncUtils.asyncFx(() -> console.start(stage, Bundles.locale(lang))).get();
        // The language's own file only: a text that fell back to English must not pass.
        Map<String, String> bundle = Bundles.load(lang);
        TextCatalog current = new TextCatalog(bundle);
        TextCatalog english = new TextCatalog(Bundles.load(null), 12);
        Set<String> allKeys = Bundles.load(null).keySet();
        Map<String, Set<String>> seen = new LinkedHashMap<>();

        waitUntil(() -> robot.lookup("#signInButton").tryQuery().isPresent());
        seen.put("sign-in", console.visibleTexts());
        signIn(robot, "admin", "demo");
        TableView<EmailSummary> emails = robot.lookup("#emailsTable").queryAs(TableView.class);
        waitUntil(() -> emails.getItems().size() == 6);
        seen.put("marketing emails", console.visibleTexts());

        robot.doubleClickOn(robot.lookup("#emailsTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(() -> robot.lookup("#tab-bounced").tryQuery().isPresent());
        robot.clickOn("#tab-bounced");
        TableView<?> recipients = robot.lookup("#recipientsTable").queryAs(TableView.class);
        waitUntil(() -> !recipients.getItems().isEmpty());
        seen.put("recipients, Bounced", console.visibleTexts());

        for (String section : List.of("dashboard", "contacts", "segments", "audit", "settings")) {
            if (robot.lookup("#nav-" + section).tryQuery().isEmpty()) {
                continue;
            }
            robot.clickOn("#nav-" + section);
            Thread.sleep(1500); // the screen's first page loads in the background
            waitUntil(() -> true);
            seen.put(section, console.visibleTexts());
        }

        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        seen.forEach((screen, texts) -> {
            for (String text : texts) {
                if (current.matches(text)) {
                    continue;
                }
                if (KEY_LIKE.matcher(text).matches() && allKeys.contains(text)) {
                    failures.add(screen + ": missing text, the key shows: " + text);
                } else if (lang != null && english.matches(text)) {
                    failures.add(screen + ": English text in " + lang + ": \"" + text + "\"");
                } else {
                    report.add(screen + ": " + text);
                }
            }
        });
        write(lang == null ? "en" : lang, seen, report);
        assertThat(seen.values().stream().mapToInt(Set::size).sum()).as("texts found").isGreaterThan(50);
        assertThat(failures).as("visible texts that are not in the %s bundle (see target/i18n)",
                lang == null ? "en" : lang).isEmpty();
    }

    private static void write(String lang, Map<String, Set<String>> seen, List<String> data) throws IOException {
        Path dir = Path.of("target", "i18n");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("# Texts taken as workspace data (not from the bundle): check none is a hard-coded word");
        lines.addAll(new TreeSet<>(data));
        lines.add("");
        lines.add("# Every visible text, per screen");
        seen.forEach((screen, texts) -> texts.forEach(t -> lines.add(screen + " | " + t.replace("\n", "\\n"))));
        Files.write(dir.resolve("visible-texts-" + lang + ".txt"), lines, StandardCharsets.UTF_8);
    }
}
