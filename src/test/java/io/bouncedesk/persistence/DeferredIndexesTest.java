package io.bouncedesk.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Indexes set aside for a bulk load come back: at the end of the load, or at the next open after a crash. */
class DeferredIndexesTest {

    private static final List<String> NAMES = List.of("recipient_email_name", "contact_name", "no_such_index");

    @TempDir
    Path dir;

    private static List<String> indexes(Workspace ws) {
        return ws.jdbi().withHandle(h -> h.createQuery(ws.team()
                        ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"
                        : "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
                .mapTo(String.class).list());
    }

    private static boolean recorded(Workspace ws) {
        return ws.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workspace_setting WHERE name = :n")
                .bind("n", DeferredIndexes.SETTING).mapTo(Integer.class).one()) > 0;
    }

    @Test
    void theIndexesAreDroppedDuringTheLoadAndBuiltAgainAtItsEnd() {
        Workspace ws = TestDatabases.fresh(dir);
        try {
            List<String> before = indexes(ws);
            assertThat(before).contains("recipient_email_name", "contact_name");
            try (DeferredIndexes deferred = DeferredIndexes.defer(ws.jdbi(), NAMES)) {
                if (ws.team()) {
                    // a team workspace's indexes belong to its owner and other consoles read them: untouched
                    assertThat(deferred.statements()).isEmpty();
                    assertThat(indexes(ws)).isEqualTo(before);
                } else {
                    assertThat(deferred.statements()).hasSize(2).allMatch(sql -> sql.startsWith("CREATE INDEX"));
                    assertThat(indexes(ws)).doesNotContain("recipient_email_name", "contact_name");
                    assertThat(recorded(ws)).isTrue();
                    // a second load meanwhile leaves the record alone
                    assertThat(DeferredIndexes.defer(ws.jdbi(), List.of("recipient_message")).statements()).isEmpty();
                }
            }
            assertThat(indexes(ws)).isEqualTo(before);
            assertThat(recorded(ws)).isFalse();
        } finally {
            TestDatabases.dispose(ws);
        }
    }

    @Test
    void aLoadCutShortByACrashGetsItsIndexesBackWhenTheWorkspaceIsOpenedNext() {
        if (TestDatabases.postgres()) {
            return; // nothing is set aside in a team workspace (see above)
        }
        List<String> before;
        try (Workspace ws = TestDatabases.fresh(dir)) {
            before = indexes(ws);
            DeferredIndexes.defer(ws.jdbi(), NAMES); // and never closed: the process died
            assertThat(indexes(ws)).doesNotContain("recipient_email_name");
        }
        try (Workspace reopened = Workspace.open(dir.resolve("test.db"))) {
            assertThat(indexes(reopened)).isEqualTo(before);
            assertThat(recorded(reopened)).isFalse();
            String plan = reopened.jdbi().withHandle(h -> h.createQuery("EXPLAIN QUERY PLAN SELECT id FROM contact"
                    + " ORDER BY name_key LIMIT 5").map((rs, ctx) -> rs.getString("detail")).list().toString());
            assertThat(plan).contains("contact_name");
        }
    }
}
