package io.bouncedesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.bouncedesk.cli.Version;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ChangeFeed;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.CredentialStore;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import io.bouncedesk.ui.bounces.BounceActions;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.FxDialogService;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import io.bouncedesk.ui.common.UiPreferences;
import io.bouncedesk.ui.common.WindowState;
import io.bouncedesk.ui.imports.ImportServices;
import io.bouncedesk.ui.imports.ImportWizard;
import io.bouncedesk.ui.imports.ImportWizardViewModel;
import io.bouncedesk.ui.recipients.RecipientsExporter;
import io.bouncedesk.ui.shell.Place;
import io.bouncedesk.ui.shell.ProgressScreen;
import io.bouncedesk.ui.shell.Screens;
import io.bouncedesk.ui.shell.Section;
import io.bouncedesk.ui.shell.ShellActions;
import io.bouncedesk.ui.shell.ShellView;
import io.bouncedesk.ui.shell.ShellViewModel;
import io.bouncedesk.ui.shell.TeamConnectDialog;
import io.bouncedesk.ui.shell.TeamConnectViewModel;
import io.bouncedesk.ui.signin.SignInView;
import io.bouncedesk.ui.signin.SignInViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The console window and the wiring of its screens: opens a workspace off the FX thread (building
 * the demo workspace first when the file does not exist), shows the sign-in screen, then the shell.
 * It also carries out what only the window can do: switch workspaces, sign out, theme and language.
 */
public final class ConsoleWindow implements ShellActions {

    private final Stage stage;
    private final UiPreferences prefs;
    private final BackgroundTasks tasks;
    private final Scene scene;
    private Messages messages;
    private FxDialogService dialogs;
    private Services services;
    private ZoneId zone;
    private User user;
    private ShellView shellView;
    private SignInView signInView;
    private Place place = Place.of(Section.EMAILS);
    /** Opened on the first team workspace: a SQLite-only console never touches the OS store. */
    private CredentialStore credentials;
    private ChangeFeed changeFeed;

    public ConsoleWindow(Stage stage, UiPreferences prefs, BackgroundTasks tasks) {
        this.stage = stage;
        this.prefs = prefs;
        this.tasks = tasks;
        this.messages = Messages.of(prefs.language());
        this.dialogs = new FxDialogService(() -> stage, messages);
        this.scene = new Scene(new StackPane(), 1280, 800);
        scene.getStylesheets().add(ConsoleWindow.class.getResource("/io/bouncedesk/ui/console.css").toExternalForm());
        applyTheme(prefs.theme());
        WindowState.restore(stage, prefs);
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(ConsoleWindow.class.getResource(
                    "/io/bouncedesk/ui/icons/bouncedesk-" + size + ".png").toExternalForm()));
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> close());
    }

    /** Opens {@code file}, first building the demo workspace there when it does not exist yet. */
    public void start(Path file) {
        stage.show();
        if (Files.exists(file)) {
            openWorkspace(file);
            return;
        }
        show(new ProgressScreen(messages.get("demo.building"), file.toString(), tasks.progressProperty()));
        tasks.runWithProgress(messages.get("demo.building"), progress -> {
            try (Workspace ws = Workspace.open(file)) {
                SettableClock clock = new SettableClock(Instant.now(), ZoneOffset.UTC);
                new Services(ws, clock, new SimulatedTransport(42), new PasswordHasher()).demo()
                        .generate(new DemoDataGenerator.Plan(5_000, 12, 42), progress);
            }
            return file;
        }, this::openWorkspace, this::failed);
    }

    @Override
    public void openWorkspace(Path file) {
        show(new ProgressScreen(messages.get("workspace.opening"), file.toString(), tasks.progressProperty()));
        tasks.run(() -> opened(Workspace.open(file)), opened -> {
            switchTo(opened);
            prefs.setLastWorkspace(file);
        }, this::failed);
    }

    private static Opened opened(Workspace ws) {
        Services s = new Services(ws, Clock.systemUTC(), new SimulatedTransport(Services.transportSeed(ws)));
        return new Opened(s, s.recipients.timeZone());
    }

    private void switchTo(Opened opened) {
        closeServices();
        services = opened.services();
        zone = opened.zone();
        place = Place.of(Section.EMAILS);
        // Team workspaces tell each console what the others changed; the screen shown reads again.
        changeFeed = ChangeFeed.listen(services.workspace, tables -> Platform.runLater(() -> {
            if (shellView != null) {
                shellView.refreshCurrent();
            }
        }));
        showSignIn();
    }

    /** File > Connect to team workspace, filled with the team workspace used last. */
    @Override
    public void connectTeamWorkspace() {
        String url = prefs.teamWorkspaceUrl().orElse("");
        String dbUser = prefs.teamWorkspaceUser().orElse(System.getProperty("user.name", ""));
        askForTeamWorkspace(url, dbUser, null);
    }

    /** Asks for a team workspace (the command line named one, or the last try failed), then opens it. */
    public void askForTeamWorkspace(String url, String dbUser, String error) {
        char[] remembered = url.isEmpty() || dbUser.isEmpty() ? null
                : credentials().password(url, dbUser).orElse(null);
        TeamConnectViewModel vm = new TeamConnectViewModel(messages, credentials().available())
                .prefill(url, dbUser, remembered, error);
        new TeamConnectDialog(vm, messages, stage).showAndWait().ifPresentOrElse(this::openTeamWorkspace, () -> {
            if (services == null) {
                Platform.exit(); // started for a team workspace and the user gave up
            }
        });
    }

    private void openTeamWorkspace(TeamConnectViewModel.Request r) {
        String url = r.target().jdbcUrl();
        String dbUser = r.login().user();
        show(new ProgressScreen(messages.get("workspace.connecting"), r.target().display(), tasks.progressProperty()));
        tasks.run(() -> opened(Workspace.open(r.target(), r.login())), opened -> {
            switchTo(opened);
            prefs.setTeamWorkspace(url, dbUser);
            if (r.remember() && r.login().password() != null) {
                credentials().save(url, dbUser, r.login().password());
            } else if (!r.remember()) {
                credentials().forget(url, dbUser);
            }
        }, t -> {
            if (services != null && user != null) {
                showShell();
            } else if (services != null) {
                showSignIn();
            }
            askForTeamWorkspace(url, dbUser, String.valueOf(t.getMessage()));
        });
    }

    private CredentialStore credentials() {
        if (credentials == null) {
            credentials = CredentialStore.system();
        }
        return credentials;
    }

    /** Tests replace the operating system's credential store. */
    public void useCredentialStore(CredentialStore store) {
        this.credentials = store;
    }

    private record Opened(Services services, ZoneId zone) {
    }

    @Override
    public void newWorkspace(Path file) {
        if (Files.exists(file)) {
            dialogs.showError(messages.get("menu.newWorkspace"), messages.format("workspace.exists", file));
            return;
        }
        openWorkspace(file);
    }

    private void showSignIn() {
        user = null;
        stopMailboxPoller();
        SignInViewModel vm = new SignInViewModel(services.signIn, services.users, services.demoAccounts, tasks,
                messages, this::signedIn);
        signInView = new SignInView(vm, messages, services.workspace.location());
        show(signInView);
        vm.load();
    }

    private void signedIn(User signedIn) {
        user = signedIn;
        showShell();
    }

    private void showShell() {
        if (shellView != null) {
            // The shell being replaced (a language switch) lets go of its screen's timers and listeners.
            shellView.dispose();
        }
        ShellViewModel vm = new ShellViewModel(user, services.workspace.location(), place, prefs.theme(), dialogs,
                messages, this, Version.current());
        vm.placeProperty().subscribe(p -> place = p);
        BounceActions bounces = new BounceActions(user, services.bounceImports::original,
                services.reclassify::reclassify, tasks, dialogs, messages, () -> stage);
        Screens screens = new Screens(services.reports, services.recipients, exporter(), tasks, dialogs, messages,
                new Formats(messages.locale(), zone), user, vm, bounces);
        var contactScreens = new io.bouncedesk.ui.contacts.ContactScreens(services.contactList, services.contacts,
                services.unbounce, tasks, messages, new Formats(messages.locale(), zone), user);
        screens.withContacts(contactScreens, services.auditLog);
        routeWorkspaceScreens(screens, vm, contactScreens);
        shellView = new ShellView(vm, screens, tasks, messages);
        show(shellView);
        javafx.scene.control.Label mailboxStatus = new javafx.scene.control.Label();
        mailboxStatus.setId("statusMailbox");
        mailboxStatus.textProperty().bind(poller.statusProperty());
        shellView.addStatusItem(mailboxStatus);
        if (changeFeed != null && changeFeed.live()) {
            javafx.scene.control.Label live = new javafx.scene.control.Label(messages.get("status.live"),
                    new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.RADIO));
            live.setId("statusLive");
            shellView.addStatusItem(live);
        }
    }

    /**
     * Dashboard, Segments and Settings, and the bounce mailbox checked in the background every N
     * minutes while signed in (stopped on sign-out and close).
     */
    private void routeWorkspaceScreens(Screens screens, ShellViewModel vm,
                                       io.bouncedesk.ui.contacts.ContactScreens contactScreens) {
        stopMailboxPoller();
        poller = new io.bouncedesk.ui.settings.MailboxPoller(services.mailbox, user,
                io.bouncedesk.ui.settings.MailboxPoller.Scheduler.onOwnThread("bouncedesk-mailbox"), Platform::runLater,
                messages, services.clock, zone);
        poller.restart();
        Services s = services;
        var workspaceScreens = new io.bouncedesk.ui.settings.WorkspaceScreens(
                new io.bouncedesk.ui.settings.WorkspaceScreens.Deps(s.dashboard, s.reports, s.segments, s.exports,
                        s.settingsAdmin, s.users, s.mailbox, io.bouncedesk.service.SoftBouncePolicy.standard()),
                user, tasks, dialogs, messages, new Formats(messages.locale(), zone), vm,
                filter -> {
                    contactScreens.filterNext(filter);
                    vm.navigate(Section.CONTACTS);
                }, poller::restart);
        screens.route(Section.DASHBOARD, workspaceScreens).route(Section.SEGMENTS, workspaceScreens)
                .route(Section.SETTINGS, workspaceScreens)
                .withRecipientsExtras((view, rvm, email) -> workspaceScreens.decorate(view, rvm, email.email().name()));
    }

    private io.bouncedesk.ui.settings.MailboxPoller poller;

    private void stopMailboxPoller() {
        if (poller != null) {
            poller.stop();
            poller = null;
        }
    }

    /** File > Import: the wizard over the window, on the open workspace's import services. */
    @Override
    public void openImportWizard() {
        if (services != null && user != null) {
            ImportWizard.show(stage, new ImportWizardViewModel(user, ImportServices.of(services.contactImports,
                    services.globalBounceImports, services.eventImports, services.bounceImports), tasks, dialogs,
                    messages), messages);
        }
    }

    /**
     * The Recipients view's Export button, through the CSV export service: the current tab as shown
     * (search and sort included) or every recipient of the email, in the spreadsheet format of the
     * user's language. (Returning null makes the button say the export is coming.)
     */
    private RecipientsExporter exporter() {
        Services s = services;
        CsvOptions options = CsvOptions.forLanguage(messages.locale());
        return (u, query, allTabs, file, progress) -> s.exports.recipients(u,
                allTabs ? RecipientQuery.of(query.emailId(), RecipientTab.ALL) : query, file, options, progress);
    }

    private void show(Parent root) {
        if (shellView != null && root != shellView) {
            shellView.dispose();
            shellView = null;
        }
        if (signInView != null && root != signInView) {
            signInView.dispose();
            signInView = null;
        }
        scene.setRoot(root);
    }

    private void failed(Throwable t) {
        dialogs.showError(messages.get("workspace.cannotOpen"), String.valueOf(t.getMessage()));
        if (services == null) {
            Platform.exit();
        } else if (user != null) {
            showShell();
        } else {
            showSignIn();
        }
    }

    @Override
    public void signOut() {
        showSignIn();
    }

    @Override
    public void quit() {
        close();
        Platform.exit();
    }

    @Override
    public void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        prefs.setTheme(theme);
    }

    /** Rebuilds the window in the new language, keeping the user signed in and where they were. */
    @Override
    public void applyLanguage(Locale locale) {
        prefs.setLanguage(locale);
        messages = Messages.of(locale);
        dialogs = new FxDialogService(() -> stage, messages);
        stage.setTitle(messages.get("app.title"));
        if (services == null) {
            return;
        }
        if (user != null) {
            // Same place (kept in this.place) and the same tab of it: only the words change.
            Object screenState = shellView == null ? null : shellView.screenState();
            showShell();
            if (shellView != null) {
                shellView.restoreScreenState(screenState);
            }
        } else {
            showSignIn();
        }
    }

    /** Remembers the window and closes the workspace; safe to call twice. */
    public void close() {
        WindowState.save(stage, prefs);
        prefs.flush();
        show(new StackPane());
        stopMailboxPoller();
        closeServices();
    }

    private void closeServices() {
        if (changeFeed != null) {
            changeFeed.close();
            changeFeed = null;
        }
        if (services != null) {
            services.workspace.close();
            services = null;
        }
    }

    /** The open workspace's services, for tests. */
    Services services() {
        return services;
    }
}
