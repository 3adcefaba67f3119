package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.DatabaseLogin;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.persistence.WorkspaceLocation;
import io.bouncedesk.persistence.WorkspaceTarget;
import io.bouncedesk.service.CredentialStore;
import io.bouncedesk.service.SimulatedTransport;
import picocli.CommandLine;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --workspace FILE|JDBC-URL}, shared by every command; defaults to the file in the user's
 * data directory. A team workspace's password comes from {@value #PASSWORD_VARIABLE}, the
 * credential store the console remembered it in, PostgreSQL's own password file (~/.pgpass), or a
 * prompt on the terminal, never from the command line.
 */
public final class WorkspaceOption {

    static final String PASSWORD_VARIABLE = "BOUNCEDESK_DB_PASSWORD";
    private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&]user=([^&]*)");

    @CommandLine.Option(names = {"-w", "--workspace"}, paramLabel = "FILE|JDBC-URL",
            description = "Workspace file, or a team workspace's PostgreSQL URL such as "
                    + "jdbc:postgresql://db.example.com:5432/bouncedesk (default: ${DEFAULT-VALUE}).")
    String location = WorkspaceLocation.defaultFile().toString();

    @CommandLine.Option(names = "--db-user", paramLabel = "ROLE",
            description = "Database user of a team workspace (default: user= of the URL, else your login name). "
                    + "The password is read from " + PASSWORD_VARIABLE + ", the system credential store, ~/.pgpass, "
                    + "or asked for.")
    String dbUser;

    public WorkspaceTarget target() {
        try {
            return WorkspaceTarget.parse(location);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    /** The workspace file; for commands that only work on a file. */
    public Path file() {
        WorkspaceTarget t = target();
        if (t.team()) {
            throw new IllegalArgumentException("This command needs a workspace file, not a team workspace: " + t.display());
        }
        return t.file();
    }

    /** Opens the workspace (asking for a team workspace's password where needed). */
    public Workspace openWorkspace() {
        WorkspaceTarget t = target();
        return Workspace.open(t, t.team() ? login(t, System.getenv(), CredentialStore.system(), System.console()) : null);
    }

    /** Opens the workspace and builds its services on the system clock. */
    public Services open() {
        Workspace workspace = openWorkspace();
        return new Services(workspace, Clock.systemUTC(), new SimulatedTransport(Services.transportSeed(workspace)));
    }

    DatabaseLogin login(WorkspaceTarget t, Map<String, String> env, CredentialStore store, Console console) {
        String user = dbUser;
        Matcher m = USER_PARAMETER.matcher(t.jdbcUrl());
        if (user == null && m.find()) {
            user = m.group(1);
        }
        if (user == null) {
            user = System.getProperty("user.name");
        }
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null) {
            return new DatabaseLogin(user, fromEnv.toCharArray());
        }
        Optional<char[]> remembered = store.password(t.jdbcUrl(), user);
        if (remembered.isPresent()) {
            return new DatabaseLogin(user, remembered.get());
        }
        if (t.jdbcUrl().toLowerCase().contains("password=") || console == null) {
            // the URL or ~/.pgpass may carry it; the server says if nothing does
            return new DatabaseLogin(user, null);
        }
        char[] typed = console.readPassword("Password of %s for %s (Enter to use ~/.pgpass): ", user, t.display());
        return new DatabaseLogin(user, typed == null || typed.length == 0 ? null : typed);
    }
}
