package io.bouncedesk.persistence;

import java.util.List;
import java.util.Map;

/**
 * Everything that differs between the databases a workspace can live in, in one place:
 * migration folders, the auto-increment key type, and statements without a portable form.
 * Only SQLite exists today; the PostgreSQL team workspace adds a constant here.
 */
public enum Dialect {
    SQLITE("INTEGER PRIMARY KEY", "BLOB", List.of("classpath:db/migration/common", "classpath:db/migration/sqlite"));

    private final String primaryKey;
    private final String blob;
    private final List<String> migrationLocations;

    Dialect(String primaryKey, String blob, List<String> migrationLocations) {
        this.primaryKey = primaryKey;
        this.blob = blob;
        this.migrationLocations = migrationLocations;
    }

    /** Flyway placeholders used by the common migrations. */
    public Map<String, String> placeholders() {
        return Map.of("pk", primaryKey, "blob", blob);
    }

    public String[] migrationLocations() {
        return migrationLocations.toArray(String[]::new);
    }
}
