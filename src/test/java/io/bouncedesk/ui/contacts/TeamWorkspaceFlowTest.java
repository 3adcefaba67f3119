package io.bouncedesk.ui.contacts;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.TestDatabases;
import io.bouncedesk.persistence.TestPostgres;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.persistence.WorkspaceTarget;
import io.bouncedesk.service.CredentialStore;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.TestConsole;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.bouncedesk.ui.contacts.ContactsDriver.openContact;
import static io.bouncedesk.ui.contacts.ContactsDriver.shown;
import static io.bouncedesk.ui.contacts.ContactsDriver.signIn;
import static io.bouncedesk.ui.contacts.ContactsDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File > Connect to team workspace against a real PostgreSQL server, then a contact record that
 * another console unbounces refreshes by itself (LISTEN/NOTIFY). Writes team-connect.png,
 * team-connect-error.png and team-contact-refreshed.png to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class TeamWorkspaceFlowTest {

    private static String url;
    private static Services otherConsole;
    private static ContactsWorkspace.Pick bounced;
    private final ContactsDriver console = new ContactsDriver();
    private final MemoryStore store = new MemoryStore();

    @BeforeAll
    static void teamWorkspace() {
        url = TestDatabases.freshTeamUrl();
        Workspace ws = Workspace.open(WorkspaceTarget.team(url), TestPostgres.server().superuser());
        otherConsole = new Services(ws, new SettableClock(ContactsWorkspace.NOW, ZoneOffset.UTC),
                new SimulatedTransport(42), new PasswordHasher(1_000));
        otherConsole.demo().generate(new DemoDataGenerator.Plan(600, 3, 42), Progress.NONE);
        bounced = otherConsole.jdbi.withHandle(h -> h.createQuery("SELECT c.id, a.address FROM contact c"
                        + " JOIN email_address a ON a.id = c.address_id JOIN bounce b ON b.id = a.hard_bounce_id"
                        + " WHERE a.global_bounced = FALSE AND c.purchased_list = FALSE AND b.email_id IS NOT NULL"
                        + " ORDER BY c.id LIMIT 1")
                .map((rs, ctx) -> new ContactsWorkspace.Pick(rs.getLong(1), rs.getString(2))).one());
    }

    @AfterAll
    static void close() {
        otherConsole.workspace.close();
    }

    @Start
    void start(Stage stage) {
        console.start(stage, DemoWorkspace.file());
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void connectingToATeamWorkspaceAndSeeingAnotherConsolesUnbounce(FxRobot robot) throws Exception {
        signIn(robot, "support");
        robot.interact(() -> console.window().useCredentialStore(store));
        Platform.runLater(() -> console.window().connectTeamWorkspace());
        waitUntil(() -> robot.lookup("#teamConnectDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#teamRemember").queryAs(CheckBox.class).isDisabled())
                .as("a credential store is offered where there is one").isFalse();

        robot.interact(() -> robot.lookup("#teamUrl").queryAs(TextField.class).setText("postgres://db/bouncedesk"));
        robot.clickOn("#teamConnectButton");
        waitUntil(() -> !robot.lookup("#teamError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#teamError").queryAs(Label.class).getText()).contains("jdbc:postgresql://");
        TestConsole.snapshot(robot.lookup("#teamConnectDialog").query(), "team-connect-error");

        robot.interact(() -> {
            robot.lookup("#teamUrl").queryAs(TextField.class).setText(url);
            robot.lookup("#teamUser").queryAs(TextField.class).setText("postgres");
        });
        TestConsole.snapshot(robot.lookup("#teamConnectDialog").query(), "team-connect");
        robot.clickOn("#teamConnectButton");

        waitUntil(() -> robot.lookup("#signInWorkspace").tryQuery()
                .map(n -> ((Label) n).getText().equals(url)).orElse(false));
        assertThat(store.saved).as("no password was typed, none is remembered").isEmpty();
        signIn(robot, "admin");
        openContact(robot, bounced.address());
        waitUntil(() -> shown(robot, "#bouncedBanner"));

        // Another console unbounces the contact: this record hears of it and reads it again.
        otherConsole.unbounce.unbounce(otherConsole.users.list().stream()
                .filter(u -> u.username().equals("admin")).findFirst().orElseThrow(), bounced.id(), true);
        TestConsole.waitUntil(15, () -> !shown(robot, "#bouncedBanner"));
        console.snapshot("team-contact-refreshed");
    }

    /** A credential store in memory: the test machine's own is not touched. */
    private static final class MemoryStore implements CredentialStore {
        final Map<String, String> saved = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<char[]> password(String jdbcUrl, String user) {
            return Optional.ofNullable(saved.get(CredentialStore.account(jdbcUrl, user))).map(String::toCharArray);
        }

        @Override
        public boolean save(String jdbcUrl, String user, char[] password) {
            saved.put(CredentialStore.account(jdbcUrl, user), new String(password));
            return true;
        }

        @Override
        public void forget(String jdbcUrl, String user) {
            saved.remove(CredentialStore.account(jdbcUrl, user));
        }
    }
}
