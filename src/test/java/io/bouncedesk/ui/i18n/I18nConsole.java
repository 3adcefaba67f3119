package io.bouncedesk.ui.i18n;

import io.bouncedesk.ui.TestConsole;
import io.bouncedesk.ui.DemoWorkspace;
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
import java.util.concurrent.Callable;

/**
 * The real console window on the shared demo workspace, started in a chosen language with
 * preferences of its own, and the visible texts of what it shows.
 */
final class I18nConsole {

    private final TestConsole console = new TestConsole();
    Stage stage;

    void start(Stage stage, Locale language) {
        this.stage = stage;
        console.start(stage, DemoWorkspace.file(), language);
    }

    void stop() throws Exception {
        console.stop();
    }

    static void waitUntil(Callable<Boolean> condition) {
        TestConsole.waitUntil(30, condition);
    }

    static void signIn(FxRobot robot, String user, String password) {
        TestConsole.typeSignIn(robot, user, password);
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
