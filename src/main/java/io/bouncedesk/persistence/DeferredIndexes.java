package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Secondary indexes set aside while a bulk load (the demo generator's million-row send) writes
 * their table, and built again in one pass at the end: SQLite sorts a whole index faster than it
 * inserts a million keys one by one into several b-trees at once. Only in a workspace file (a team
 * workspace's indexes belong to its owner role, and other consoles may be reading them).
 *
 * <p>The statements that build them again are recorded in the workspace, in the transaction that
 * drops them: if the load is interrupted, even by a crash, the next {@link Workspace#open} builds
 * them before anything else ({@link #restoreLeftovers}), so no workspace stays without them.
 */
public final class DeferredIndexes implements AutoCloseable {

    static final String SETTING = "bulk_load.deferred_indexes";
    private static final String SEPARATOR = ";\n";

    private final Jdbi jdbi;
    private final List<String> statements;

    private DeferredIndexes(Jdbi jdbi, List<String> statements) {
        this.jdbi = jdbi;
        this.statements = statements;
    }

    /**
     * Drops the named indexes (those that exist) until {@link #close}; in a team workspace, or when
     * an earlier load's indexes are still set aside, nothing is dropped.
     */
    public static DeferredIndexes defer(Jdbi jdbi, List<String> names) {
        List<String> statements = jdbi.inTransaction(h -> {
            if (Dialect.of(h) != Dialect.SQLITE || recorded(h).isPresent()) {
                return List.<String>of();
            }
            List<String> found = new ArrayList<>();
            for (String name : names) {
                h.createQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n AND sql IS NOT NULL")
                        .bind("n", name).mapTo(String.class).findOne().ifPresent(sql -> {
                            found.add(sql);
                            h.execute("DROP INDEX " + name);
                        });
            }
            if (!found.isEmpty()) {
                h.createUpdate("INSERT INTO workspace_setting (name, value) VALUES (:n, :v)")
                        .bind("n", SETTING).bind("v", String.join(SEPARATOR, found)).execute();
            }
            return found;
        });
        return new DeferredIndexes(jdbi, statements);
    }

    /** The indexes set aside, by their CREATE statements (empty when none were). */
    public List<String> statements() {
        return statements;
    }

    /** Builds the indexes again and forgets the record, in one transaction. */
    @Override
    public void close() {
        if (!statements.isEmpty()) {
            jdbi.useTransaction(DeferredIndexes::rebuild);
        }
    }

    /**
     * Builds the indexes an interrupted load set aside; called when a workspace file is opened,
     * before its migrations (which may expect them).
     */
    static void restoreLeftovers(Handle h) {
        boolean settings = h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'workspace_setting'")
                .mapTo(Integer.class).one() > 0;
        if (settings && recorded(h).isPresent()) {
            h.useTransaction(DeferredIndexes::rebuild);
        }
    }

    private static void rebuild(Handle h) {
        Optional<String> recorded = recorded(h);
        if (recorded.isEmpty()) {
            return; // another console rebuilt them meanwhile
        }
        for (String sql : recorded.get().split(SEPARATOR)) {
            h.execute(sql.replaceFirst("(?i)^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
        }
        h.createUpdate("DELETE FROM workspace_setting WHERE name = :n").bind("n", SETTING).execute();
    }

    private static Optional<String> recorded(Handle h) {
        return h.createQuery("SELECT value FROM workspace_setting WHERE name = :n").bind("n", SETTING)
                .mapTo(String.class).findOne();
    }
}
