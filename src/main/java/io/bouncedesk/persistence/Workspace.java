package io.bouncedesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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

/**
 * One open workspace: a SQLite file behind a small connection pool, reached through JDBI, its
 * schema brought up to date by Flyway. Opening refuses, without touching the file, anything that
 * is not a BounceDesk workspace, a workspace written by a newer BounceDesk, and a file another
 * program holds locked.
 */
public final class Workspace implements AutoCloseable {

    /** PRAGMA application_id of every BounceDesk workspace ("BDSK"). */
    static final int APPLICATION_ID = 0x4244534B;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Workspace(Path file, Dialect dialect, HikariDataSource dataSource) {
        this.file = file;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
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
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(Dialect.SQLITE.migrationLocations())
                    .placeholders(Dialect.SQLITE.placeholders())
                    .loggers("slf4j")
                    .load();
            refuseNewerSchema(flyway, absolute);
            flyway.migrate();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA application_id = " + APPLICATION_ID);
            }
            return new Workspace(absolute, Dialect.SQLITE, pool);
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

    private static void refuseNewerSchema(Flyway flyway, Path file) {
        MigrationInfo[] all = flyway.info().all();
        boolean future = Arrays.stream(all).anyMatch(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                || i.getState() == MigrationState.FUTURE_FAILED);
        if (future) {
            MigrationInfo current = flyway.info().current();
            throw new WorkspaceException(WorkspaceException.Kind.NEWER_SCHEMA,
                    "Workspace " + file + " was written by a newer BounceDesk (schema version "
                            + (current == null ? "?" : current.getVersion())
                            + "). Update BounceDesk to open it; the file was left untouched.", null);
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

    public Path file() {
        return file;
    }

    /** A short description for the status bar and messages. */
    public String location() {
        return file.toString();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
