package io.bouncedesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;

/**
 * One open workspace: a SQLite file on this computer or a team workspace in a PostgreSQL
 * database, behind a small connection pool, reached through JDBI, its schema brought up to date
 * by Flyway. Opening refuses, without changing anything, what is not a BounceDesk workspace, a
 * workspace written by a newer BounceDesk, and a file another program holds locked.
 */
public final class Workspace implements AutoCloseable {

    /** PRAGMA application_id of every BounceDesk workspace ("BDSK"). */
    static final int APPLICATION_ID = 0x4244534B;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int TEAM_POOL_SIZE = 6;

    private final WorkspaceTarget target;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseLogin login;

    private Workspace(WorkspaceTarget target, Dialect dialect, HikariDataSource dataSource, DatabaseLogin login) {
        this.target = target;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.login = login;
        this.jdbi = Jdbi.create(dataSource);
        dialect.attachTo(jdbi);
    }

    /**
     * Opens the workspace a target names: a SQLite file (created if absent) or a PostgreSQL
     * database, which must exist; {@code login} is used for PostgreSQL only and may be null there
     * when the URL or the server's own password file supplies it.
     */
    public static Workspace open(WorkspaceTarget target, DatabaseLogin login) {
        return target.team() ? openTeam(target, login) : open(target.file());
    }

    /** Opens (creating if absent) the workspace file and migrates it to the current schema. */
    public static Workspace open(Path file) {
        return open(file, 2_000);
    }

    static Workspace open(Path file, int lockWaitMs) {
        Path absolute = file.toAbsolutePath().normalize();
        checkIsSqliteOrAbsent(absolute);
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                    "Cannot create the folder for workspace " + absolute + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + absolute;
        try (Connection probe = DriverManager.getConnection(url)) {
            try (Statement st = probe.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + lockWaitMs);
            }
            checkApplicationId(probe, absolute);
            checkWritable(probe, absolute);
        } catch (SQLException e) {
            throw translate(e, absolute);
        }

        HikariDataSource pool = pool(url);
        try {
            // a bulk load interrupted by a crash may have left indexes set aside: build them first
            Jdbi.create(pool).useHandle(DeferredIndexes::restoreLeftovers);
            migrate(pool, Dialect.SQLITE, absolute.toString());
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            return new Workspace(WorkspaceTarget.file(absolute), Dialect.SQLITE, pool, null);
        } catch (WorkspaceException e) {
            pool.close();
            throw e;
        } catch (FlywayException e) {
            pool.close();
            throw new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                    "Workspace " + absolute + " could not be brought up to date: " + e.getMessage(), e);
        } catch (SQLException e) {
            pool.close();
            throw translate(e, absolute);
        }
    }

    /** Opens a team workspace in an existing PostgreSQL database and migrates its schema. */
    static Workspace openTeam(WorkspaceTarget target, DatabaseLogin login) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(target.jdbcUrl());
        if (login != null) {
            hikari.setUsername(login.user());
            if (login.password() != null) {
                hikari.setPassword(new String(login.password()));
            }
        }
        hikari.addDataSourceProperty("ApplicationName", "BounceDesk");
        // Batches stay one statement per row (sent together in one round trip): the events import
        // reads each row's update count to tell new events from duplicates, which multi-row
        // rewriting (reWriteBatchedInserts) would hide.
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        hikari.setPoolName("bouncedesk-team");
        hikari.setMaximumPoolSize(TEAM_POOL_SIZE);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(15_000);
        String where = target.display();
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw translateTeam(e.getCause() instanceof SQLException se ? se : null, e, where);
        } catch (RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Kind.UNREACHABLE,
                    "Cannot connect to team workspace " + where + ": " + e.getMessage(), e);
        }
        try {
            try (Connection c = pool.getConnection()) {
                checkIsTeamWorkspaceOrEmpty(c, where);
            }
            migrate(pool, Dialect.POSTGRESQL, where);
            return new Workspace(target, Dialect.POSTGRESQL, pool, login);
        } catch (WorkspaceException e) {
            pool.close();
            throw e;
        } catch (FlywayException e) {
            pool.close();
            SQLException cause = sqlCause(e);
            if (cause != null && "42501".equals(cause.getSQLState())) {
                throw new WorkspaceException(WorkspaceException.Kind.ACCESS_DENIED, "Team workspace " + where
                        + " needs its schema brought up to date, and database user "
                        + (login == null ? "(default)" : login.user()) + " may not change it. Ask the workspace's"
                        + " owner to open it once with the owner role (see README, Team workspaces).", e);
            }
            if (cause != null) {
                throw translateTeam(cause, e, where);
            }
            throw new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                    "Team workspace " + where + " could not be brought up to date: " + e.getMessage(), e);
        } catch (SQLException e) {
            pool.close();
            throw translateTeam(e, e, where);
        }
    }

    private static void migrate(HikariDataSource pool, Dialect dialect, String where) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations(dialect.migrationLocations())
                .placeholders(dialect.placeholders())
                .loggers("slf4j")
                .load();
        refuseNewerSchema(flyway, where);
        flyway.migrate();
    }

    /** A database with tables but without BounceDesk's is some other application's: leave it alone. */
    private static void checkIsTeamWorkspaceOrEmpty(Connection c, String where) throws SQLException {
        int tables;
        boolean ours;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE table_name = 'workspace_setting')"
                     + " FROM information_schema.tables WHERE table_schema = current_schema()")) {
            rs.next();
            tables = rs.getInt(1);
            ours = rs.getInt(2) > 0;
        }
        if (tables > 0 && !ours) {
            throw new WorkspaceException(WorkspaceException.Kind.NOT_A_WORKSPACE,
                    where + " holds tables of another application, not a BounceDesk workspace. Nothing was changed;"
                            + " give BounceDesk a database (or schema) of its own.", null);
        }
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException se) {
                return se;
            }
        }
        return null;
    }

    private static WorkspaceException translateTeam(SQLException e, Throwable cause, String where) {
        String state = e == null || e.getSQLState() == null ? "" : e.getSQLState();
        String detail = e == null ? cause.getMessage() : e.getMessage();
        if (state.startsWith("28")) {
            return new WorkspaceException(WorkspaceException.Kind.ACCESS_DENIED,
                    "The server of team workspace " + where + " refused the sign-in: " + detail, cause);
        }
        if (state.equals("42501")) {
            return new WorkspaceException(WorkspaceException.Kind.ACCESS_DENIED,
                    "The database role may not do this in team workspace " + where + ": " + detail
                            + ". Grant it the bouncedesk_console role (see README).", cause);
        }
        if (state.equals("3D000")) {
            return new WorkspaceException(WorkspaceException.Kind.UNREACHABLE,
                    "Team workspace " + where + " does not exist on its server: " + detail
                            + ". Create the database first (see README).", cause);
        }
        if (state.startsWith("08") || e == null) {
            return new WorkspaceException(WorkspaceException.Kind.UNREACHABLE,
                    "Cannot reach the server of team workspace " + where + ": " + detail, cause);
        }
        return new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                "Cannot open team workspace " + where + ": " + detail, cause);
    }

    private static HikariDataSource pool(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Every transaction takes the write lock at BEGIN: writers queue on the busy timeout
        // instead of failing with SQLITE_BUSY when they upgrade from reading to writing.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-64_000);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("bouncedesk-sqlite");
        // Checkpoint the write-ahead log every 32 MB instead of SQLite's 4 MB: a bulk write (a send to
        // a million, an events import) copies each hot page back once per checkpoint, not ten times.
        hikari.setConnectionInitSql("PRAGMA wal_autocheckpoint = 8192");
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(BUSY_TIMEOUT_MS * 3L);
        return new HikariDataSource(hikari);
    }

    private static void checkIsSqliteOrAbsent(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new WorkspaceException(WorkspaceException.Kind.NOT_A_WORKSPACE,
                    file + " is a folder, not a workspace file.", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length == 0) {
                return;
            }
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new WorkspaceException(WorkspaceException.Kind.NOT_A_WORKSPACE,
                        file + " is not a BounceDesk workspace (it is not a SQLite database). The file was left untouched.", null);
            }
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                    "Cannot read workspace " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkApplicationId(Connection c, Path file) throws SQLException {
        int appId;
        int tables;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'")) {
                tables = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (tables > 0 && appId != APPLICATION_ID) {
            throw new WorkspaceException(WorkspaceException.Kind.NOT_A_WORKSPACE,
                    file + " is a SQLite database of another program, not a BounceDesk workspace. The file was left untouched.", null);
        }
    }

    private static void checkWritable(Connection c, Path file) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("ROLLBACK");
        }
    }

    private static void refuseNewerSchema(Flyway flyway, String where) {
        MigrationInfo[] all = flyway.info().all();
        boolean future = Arrays.stream(all).anyMatch(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                || i.getState() == MigrationState.FUTURE_FAILED);
        if (future) {
            MigrationInfo current = flyway.info().current();
            throw new WorkspaceException(WorkspaceException.Kind.NEWER_SCHEMA,
                    "Workspace " + where + " was written by a newer BounceDesk (schema version "
                            + (current == null ? "?" : current.getVersion())
                            + "). Update BounceDesk to open it; nothing was changed.", null);
        }
    }

    private static WorkspaceException translate(SQLException e, Path file) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return new WorkspaceException(WorkspaceException.Kind.LOCKED,
                        "Workspace " + file + " is locked by another program. Close it there and try again; the file was left untouched.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return new WorkspaceException(WorkspaceException.Kind.NOT_A_WORKSPACE,
                        file + " is not a BounceDesk workspace (" + se.getMessage() + "). The file was left untouched.", e);
            }
        }
        return new WorkspaceException(WorkspaceException.Kind.UNREADABLE,
                "Cannot open workspace " + file + ": " + e.getMessage(), e);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** What this workspace was opened from. */
    public WorkspaceTarget target() {
        return target;
    }

    /** True for a team workspace in PostgreSQL. */
    public boolean team() {
        return target.team();
    }

    /** The workspace file; only SQLite workspaces have one. */
    public Path file() {
        if (target.team()) {
            throw new IllegalStateException("A team workspace has no file: " + target.display());
        }
        return target.file();
    }

    /** The sign-in used for a team workspace (a change listener opens its own connection with it). */
    Optional<DatabaseLogin> login() {
        return Optional.ofNullable(login);
    }

    /** A short description for the status bar and messages, without any password. */
    public String location() {
        return target.display();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
