package io.bouncedesk.ui.i18n;

import io.bouncedesk.app.ConsoleWindow;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.UiPreferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The real console window on the shared demo workspace, started in a chosen language with
 * preferences of its own, and the visible texts of what it shows.
 */
final class I18nConsole {

    private final Preferences prefsNode = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "i18n-test-worker");
        t.setDaemon(true);
        return t;
    });
    private ConsoleWindow window;
    Stage stage;

    void start(Stage stage, Locale language) {
        this.stage = stage;
        UiPreferences prefs = new UiPreferences(prefsNode);
        prefs.setLanguage(language);
        window = new ConsoleWindow(stage, prefs, new BackgroundTasks(workers, Platform::runLater));
        stage.setWidth(1280);
        stage.setHeight(800);
        window.start(DemoWorkspace.file());
    }

    void stop() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
        workers.shutdownNow();
        prefsNode.removeNode();
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The console did not get there within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void signIn(FxRobot robot, String user, String password) {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().isPresent()
                && !robot.lookup("#signInUser").query().isDisabled());
        robot.clickOn("#signInUser").eraseText(20).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
    }

    /** Chooses View > Language > {@code language} (fires the menu item, as a click on it does). */
    void chooseLanguage(FxRobot robot, String language) throws Exception {
        MenuItem item = menuItems(robot.lookup("#mainMenu").queryAs(MenuBar.class)).stream()
                .filter(i -> ("language-" + language).equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no View > Language item for " + language));
        WaitForAsyncUtils.asyncFx(item::fire).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<MenuItem> menuItems(MenuBar bar) {
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(m -> collect(m, all));
        return all;
    }

    private static void collect(MenuItem item, List<MenuItem> into) {
        into.add(item);
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> collect(i, into));
        }
    }

    /**
     * Every text the window shows now: labels and buttons, prompt texts, tab texts, table column
     * headers, menus and menu items, tooltips; only of nodes that are visible.
     */
    Set<String> visibleTexts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Set<String> texts = new LinkedHashSet<>();
            walk(stage.getScene().getRoot(), texts);
            return texts;
        }).get();
    }

    private static void walk(Node node, Set<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            add(texts, l.getText());
        }
        if (node instanceof TextInputControl t) {
            add(texts, t.getPromptText());
        }
        if (node instanceof Control c && c.getTooltip() != null) {
            Tooltip tip = c.getTooltip();
            add(texts, tip.getText());
        }
        if (node instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                add(texts, t.getText());
                if (t.getTooltip() != null) {
                    add(texts, t.getTooltip().getText());
                }
            }
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> column(c, texts));
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> menu(m, texts));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, texts);
            }
        }
    }

    private static void column(TableColumnBase<?, ?> c, Set<String> texts) {
        if (c.isVisible()) {
            add(texts, c.getText());
            c.getColumns().forEach(child -> column(child, texts));
        }
    }

    private static void menu(MenuItem item, Set<String> texts) {
        if (item.isVisible()) {
            add(texts, item.getText());
            if (item instanceof Menu m) {
                m.getItems().forEach(i -> menu(i, texts));
            }
        }
    }

    private static void add(Set<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }
}
