package io.bouncedesk.ui.shell;

import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

import java.util.Locale;
import java.util.function.Supplier;

/** File, View and Help menus; each entry forwards to the shell's view model. */
final class MainMenu extends MenuBar {

    MainMenu(ShellViewModel vm, Messages m, Supplier<Runnable> screenExport) {
        setId("mainMenu");
        MenuItem newWs = item(m, "menu.newWorkspace", "Shortcut+N", vm::newWorkspace);
        MenuItem openWs = item(m, "menu.openWorkspace", "Shortcut+O", vm::openWorkspace);
        MenuItem team = item(m, "menu.connectTeam", null, vm::connectTeamWorkspace);
        team.setId("menuConnectTeam");
        MenuItem importItem = item(m, "menu.import", null, vm::importFile);
        // Left enabled for every role: choosing it tells those who may not import why.
        MenuItem export = item(m, "menu.export", "Shortcut+E", () -> vm.export(screenExport.get()));
        export.setDisable(!vm.canExport());
        MenuItem signOut = item(m, "menu.signOut", null, vm::signOut);
        MenuItem quit = item(m, "menu.quit", "Shortcut+Q", vm::quit);
        Menu file = new Menu(m.get("menu.file"), null, newWs, openWs, team, new SeparatorMenuItem(), importItem, export,
                new SeparatorMenuItem(), signOut, quit);
        file.setId("menuFile");

        Menu theme = new Menu(m.get("menu.theme"));
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(m.get("theme." + t.name()));
            r.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            r.setToggleGroup(themes);
            r.setSelected(vm.themeProperty().get() == t);
            r.setOnAction(e -> vm.setTheme(t));
            theme.getItems().add(r);
        }
        Menu language = new Menu(m.get("menu.language"));
        ToggleGroup languages = new ToggleGroup();
        for (Locale l : ShellViewModel.LANGUAGES) {
            // Each language is named in itself, so a user can find theirs whatever is shown now.
            String name = l.getDisplayLanguage(l);
            RadioMenuItem r = new RadioMenuItem(name.substring(0, 1).toUpperCase(l) + name.substring(1));
            r.setId("language-" + l.getLanguage());
            r.setToggleGroup(languages);
            r.setSelected(l.getLanguage().equals(vm.language().getLanguage()));
            r.setOnAction(e -> vm.setLanguage(l));
            language.getItems().add(r);
        }
        Menu view = new Menu(m.get("menu.view"), null, theme, language);
        view.setId("menuView");
        Menu help = new Menu(m.get("menu.help"), null, item(m, "menu.about", null, vm::about));
        help.setId("menuHelp");
        getMenus().addAll(file, view, help);
    }

    private static MenuItem item(Messages m, String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(m.get(key));
        item.setId(key.replace('.', '-'));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
