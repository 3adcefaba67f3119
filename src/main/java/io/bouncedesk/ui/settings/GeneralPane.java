package io.bouncedesk.ui.settings;

import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The soft-bounce policy in force (read-only), then language and theme. */
final class GeneralPane extends VBox {

    GeneralPane(GeneralSettingsViewModel vm, Messages m) {
        super(8);
        getStyleClass().add("settings-pane");
        setId("generalSection");
        VBox policy = new VBox(4);
        policy.setId("softBouncePolicy");
        policy.getStyleClass().add("policy-box");
        for (String line : vm.policyLines()) {
            Label l = new Label("•  " + line);
            l.setWrapText(true);
            policy.getChildren().add(l);
        }
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("settingsLanguage");
        language.getItems().setAll(vm.languages());
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : GeneralSettingsViewModel.nameOf(l);
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        vm.languages().stream().filter(l -> l.getLanguage().equals(vm.language().getLanguage())).findFirst()
                .ifPresent(language::setValue);
        language.setOnAction(e -> vm.setLanguage(language.getValue()));
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("settingsTheme");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : m.get("theme." + t.name());
            }

            @Override
            public Theme fromString(String s) {
                return null;
            }
        });
        theme.setValue(vm.theme());
        theme.setOnAction(e -> vm.setTheme(theme.getValue()));
        GridPane g = Forms.grid();
        g.addRow(0, new Label(m.get("menu.language")), language);
        g.addRow(1, new Label(m.get("menu.theme")), theme);
        getChildren().addAll(Forms.title(m.get("settings.policyTitle")), Forms.hint(m.format("settings.policyHint")), policy,
                Forms.title(m.get("settings.lookTitle")), g);
    }
}
