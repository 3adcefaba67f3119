package io.bouncedesk.ui.signin;

import atlantafx.base.theme.Styles;
import io.bouncedesk.service.DemoAccounts;
import io.bouncedesk.ui.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sign-in card: user name, password, the demo accounts of a demo workspace, or the first Super admin form. */
public final class SignInView extends StackPane {

    private final SignInViewModel vm;
    private final Messages messages;
    private final Timeline lockTimer;

    public SignInView(SignInViewModel vm, Messages messages, String workspaceLocation) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add("sign-in");

        Label title = new Label(messages.get("app.title"), new FontIcon(Feather.INBOX));
        title.getStyleClass().addAll(Styles.TITLE_2, "sign-in-title");
        Label where = new Label(workspaceLocation);
        where.setId("signInWorkspace");
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setWrapText(true);

        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(vm.modeProperty().map(m -> m == SignInViewModel.Mode.FIRST_ADMIN
                ? messages.get("signin.firstAdmin") : messages.get("signin.intro")));

        TextField user = new TextField();
        user.setId("signInUser");
        user.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField displayName = new TextField();
        displayName.setId("signInDisplayName");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("signInRepeatPassword");
        repeat.textProperty().bindBidirectional(vm.repeatPasswordProperty());
        VBox firstAdminFields = new VBox(6, field("signin.displayName", displayName),
                field("signin.repeatPassword", repeat));
        bindShown(firstAdminFields, vm.modeProperty().map(m -> m == SignInViewModel.Mode.FIRST_ADMIN));

        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        bindShown(error, vm.errorProperty().isNotEmpty());

        Button submit = new Button();
        submit.setId("signInButton");
        submit.setDefaultButton(true);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.textProperty().bind(vm.modeProperty().map(m -> m == SignInViewModel.Mode.FIRST_ADMIN
                ? messages.get("signin.create") : messages.get("signin.button")));
        submit.disableProperty().bind(vm.canSubmitBinding().not());
        submit.setOnAction(e -> vm.submit());
        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.getStyleClass().add(Styles.SMALL);
        bindShown(busy, vm.busyProperty());

        VBox card = new VBox(10, title, where, intro, field("signin.user", user), field("signin.password", password),
                firstAdminFields, error, submit, busy, demoBox());
        card.getStyleClass().add("sign-in-card");
        card.setMaxWidth(420);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        lockTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        lockTimer.setCycleCount(Timeline.INDEFINITE);
        vm.lockedProperty().subscribe(isLocked -> {
            if (isLocked) {
                lockTimer.play();
            } else {
                lockTimer.stop();
            }
        });
        user.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());
        sceneProperty().subscribe(scene -> {
            if (scene != null) {
                user.requestFocus();
            }
        });
    }

    private Node demoBox() {
        Label heading = new Label(messages.format("signin.demoAccounts", "demo"));
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        heading.setWrapText(true);
        VBox list = new VBox(4);
        vm.demoAccounts().subscribe(() -> list.getChildren().setAll(vm.demoAccounts().stream()
                .map(this::demoButton).toList()));
        VBox box = new VBox(8, new Separator(), heading, list);
        bindShown(box, javafx.beans.binding.Bindings.isNotEmpty(vm.demoAccounts()));
        return box;
    }

    private Node demoButton(DemoAccounts.Account a) {
        Button b = new Button(a.username() + "  ·  " + a.displayName() + "  ·  " + messages.of("role", a.role()),
                new FontIcon(Feather.USER));
        b.setId("demo-" + a.username());
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> vm.useDemoAccount(a));
        return b;
    }

    private VBox field(String labelKey, Node input) {
        Label label = new Label(messages.get(labelKey));
        label.setLabelFor(input);
        return new VBox(4, label, input);
    }

    private static void bindShown(Node node, javafx.beans.value.ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }

    /** Stops the lock countdown; call when the screen is left. */
    public void dispose() {
        lockTimer.stop();
    }
}
