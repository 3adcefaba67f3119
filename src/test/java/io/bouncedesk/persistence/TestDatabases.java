package io.bouncedesk.persistence;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the service and persistence suites run against. {@code mvn verify} runs them twice:
 * on SQLite files (the default) and, in a second Surefire execution with
 * {@code -Dbouncedesk.test.database=postgresql}, on PostgreSQL team workspaces, each test on a fresh
 * database cloned from a migrated template.
 */
public final class TestDatabases {

    public static final String PROPERTY = "bouncedesk.test.database";
    private static final String TEMPLATE = "bd_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static boolean templateReady;

    private TestDatabases() {
    }

    /** True when this run tests PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite"));
    }

    /** A new, empty, migrated workspace of the database under test (a file in {@code dir} for SQLite). */
    public static Workspace fresh(Path dir) {
        return postgres() ? freshTeam() : Workspace.open(dir.resolve("test.db"));
    }

    /** A new, empty, migrated PostgreSQL team workspace. */
    public static Workspace freshTeam() {
        return Workspace.open(WorkspaceTarget.team(freshTeamUrl()), TestPostgres.server().superuser());
    }

    /** The URL of a new database with the workspace schema, not yet opened. */
    public static String freshTeamUrl() {
        TestPostgres pg = TestPostgres.server();
        prepareTemplate(pg);
        String name = "ws_" + NEXT.incrementAndGet();
        pg.admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return pg.url(name);
    }

    /** A new database with nothing in it. */
    public static String emptyTeamUrl() {
        TestPostgres pg = TestPostgres.server();
        String name = "empty_" + NEXT.incrementAndGet();
        pg.admin("CREATE DATABASE " + name);
        return pg.url(name);
    }

    /** The same workspace opened once more, as a second console on another computer would. */
    public static Workspace another(Workspace workspace) {
        return workspace.team() ? Workspace.open(workspace.target(), TestPostgres.server().superuser())
                : Workspace.open(workspace.file());
    }

    /** Closes the workspace and, for PostgreSQL, drops its database. */
    public static void dispose(Workspace workspace) {
        workspace.close();
        if (workspace.team()) {
            String url = workspace.target().jdbcUrl();
            String name = url.substring(url.lastIndexOf('/') + 1);
            TestPostgres.server().admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static synchronized void prepareTemplate(TestPostgres pg) {
        if (templateReady) {
            return;
        }
        pg.admin("CREATE DATABASE " + TEMPLATE);
        Workspace.open(WorkspaceTarget.team(pg.url(TEMPLATE)), pg.superuser()).close();
        templateReady = true;
    }
}
