package io.bouncedesk.persistence;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tells a console that the workspace changed under it: in a team workspace, PostgreSQL's
 * LISTEN/NOTIFY on channel {@value #CHANNEL} (the triggers of migration 7.1 notify the name of each
 * table a committed statement changed). Notifications arriving close together are delivered as one
 * set of table names, at most every {@link #QUIET_MS} ms, on the feed's own daemon thread. A lost
 * connection is re-opened, and then reported as a change of everything ({@link #EVERYTHING}),
 * since notifications sent meanwhile are gone. A SQLite workspace file has one console: its feed
 * never reports.
 */
public final class ChangeFeed implements AutoCloseable {

    public static final String CHANNEL = "bouncedesk_change";
    /** Reported instead of table names when changes may have been missed. */
    public static final String EVERYTHING = "*";
    static final int QUIET_MS = 300;
    private static final int RECONNECT_MS = 3_000;

    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private ChangeFeed(Thread thread) {
        this.thread = thread;
    }

    /** Starts listening for changes to the workspace; {@code onChange} runs on the feed's thread. */
    public static ChangeFeed listen(Workspace workspace, Consumer<Set<String>> onChange) {
        if (!workspace.team()) {
            return new ChangeFeed(null);
        }
        ChangeFeed[] feed = new ChangeFeed[1];
        Thread t = new Thread(() -> feed[0].run(workspace, onChange), "bouncedesk-change-feed");
        t.setDaemon(true);
        feed[0] = new ChangeFeed(t);
        t.start();
        return feed[0];
    }

    /** True when the feed reports changes (team workspaces). */
    public boolean live() {
        return thread != null;
    }

    private void run(Workspace workspace, Consumer<Set<String>> onChange) {
        boolean missed = false;
        while (!closed) {
            try (Connection c = connect(workspace)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (missed) {
                    onChange.accept(Set.of(EVERYTHING));
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                Set<String> tables = new LinkedHashSet<>();
                long firstAt = 0;
                while (!closed) {
                    PGNotification[] batch = pg.getNotifications(tables.isEmpty() ? 1_000 : QUIET_MS);
                    if (batch != null && batch.length > 0) {
                        if (tables.isEmpty()) {
                            firstAt = System.nanoTime();
                        }
                        for (PGNotification n : batch) {
                            tables.add(n.getParameter());
                        }
                    }
                    boolean quiet = batch == null || batch.length == 0;
                    boolean overdue = System.nanoTime() - firstAt > 3_000_000L * QUIET_MS;
                    if (!tables.isEmpty() && (quiet || overdue)) {
                        onChange.accept(Set.copyOf(tables));
                        tables.clear();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                missed = true;
                if (!closed) {
                    sleep(RECONNECT_MS);
                }
            } finally {
                connection = null;
            }
        }
    }

    private static Connection connect(Workspace workspace) throws SQLException {
        Properties p = new Properties();
        workspace.login().ifPresent(l -> {
            p.setProperty("user", l.user());
            if (l.password() != null) {
                p.setProperty("password", new String(l.password()));
            }
        });
        p.setProperty("ApplicationName", "BounceDesk change feed");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(workspace.target().jdbcUrl(), p);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
