package io.bouncedesk.ui.shell;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The main window's content: menu bar, navigation, the current screen and the status bar. */
public final class ShellView extends BorderPane {

    private final ShellViewModel vm;
    private final ScreenFactory screens;
    private final Messages m;
    private final StackPane content = new StackPane();
    private final Map<Section, ToggleButton> nav = new EnumMap<>(Section.class);
    private Screen current;

    public ShellView(ShellViewModel vm, ScreenFactory screens, BackgroundTasks tasks, Messages messages) {
        this.vm = vm;
        this.screens = screens;
        this.m = messages;
        getStyleClass().add("shell");
        setTop(new MainMenu(vm, messages, () -> current == null ? null : current.export().orElse(null)));
        setLeft(navigation());
        content.getStyleClass().add("content");
        setCenter(content);
        setBottom(statusBar(tasks));
        vm.placeProperty().subscribe(this::show);
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(4);
        box.getStyleClass().add("navigation");
        add(box, group, Section.DASHBOARD, Feather.BAR_CHART_2);
        add(box, group, Section.EMAILS, Feather.MAIL);
        add(box, group, Section.CONTACTS, Feather.USERS);
        add(box, group, Section.SEGMENTS, Feather.FILTER);
        add(box, group, Section.AUDIT_LOG, Feather.LIST);
        add(box, group, Section.SETTINGS, Feather.SETTINGS);
        // A section is always chosen: clicking the chosen one again keeps it (and leaves a sub-screen).
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null && old != null) {
                group.selectToggle(old);
            }
        });
        return box;
    }

    private void add(VBox box, ToggleGroup group, Section section, Ikon icon) {
        ToggleButton b = new ToggleButton(m.get("nav." + section.id()), new FontIcon(icon));
        b.setId("nav-" + section.id());
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().addAll(Styles.FLAT, "nav-button");
        b.setOnAction(e -> vm.navigate(section));
        nav.put(section, b);
        box.getChildren().add(b);
    }

    private void show(Place place) {
        if (current != null) {
            current.dispose();
        }
        current = screens.create(place);
        content.getChildren().setAll(current.node());
        nav.get(place.section()).setSelected(true);
    }

    private Node statusBar(BackgroundTasks tasks) {
        Label workspace = new Label(vm.workspaceLocation(), new FontIcon(Feather.DATABASE));
        workspace.setId("statusWorkspace");
        Label user = new Label(vm.userLabel(), new FontIcon(Feather.USER));
        user.setId("statusUser");
        Label work = new Label();
        work.setId("statusWork");
        work.textProperty().bind(tasks.messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("statusProgress");
        progress.setPrefWidth(140);
        progress.getStyleClass().add(Styles.SMALL);
        progress.progressProperty().bind(tasks.progressProperty());
        progress.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, workspace, new Separator(javafx.geometry.Orientation.VERTICAL), user, spacer, work,
                progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Adds a node at the right end of the status bar (the bounce mailbox's background checks). */
    public void addStatusItem(Node node) {
        if (getBottom() instanceof HBox bar) {
            bar.getChildren().add(bar.getChildren().size() - 2, node);
        }
    }

    /** Another console changed the workspace: the current screen reads its data again. */
    public void refreshCurrent() {
        if (current != null) {
            current.refresh();
        }
    }

    /** The current screen's {@link Screen#state()}, to hand to the shell that replaces this one. */
    public Object screenState() {
        return current == null ? null : current.state();
    }

    /** Gives the current screen the state of the screen it replaces (a language switch). */
    public void restoreScreenState(Object state) {
        if (current != null && state != null) {
            current.restore(state);
        }
    }

    /** Disposes the current screen; call when the window content is replaced. */
    public void dispose() {
        if (current != null) {
            current.dispose();
            current = null;
        }
    }
}
