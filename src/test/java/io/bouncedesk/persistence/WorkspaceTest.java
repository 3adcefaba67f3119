package io.bouncedesk.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void createsAMigratedWorkspaceInWalModeWithForeignKeys() {
        Path file = dir.resolve("sub/folder/ws.db");
        try (Workspace ws = Workspace.open(file)) {
            Map<String, Object> pragmas = ws.jdbi().withHandle(h -> Map.of(
                    "journal", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                    "fk", h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one(),
                    "busy", h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one(),
                    "app", h.createQuery("PRAGMA application_id").mapTo(Integer.class).one()));
            assertThat(pragmas).containsEntry("journal", "wal").containsEntry("fk", 1)
                    .containsEntry("app", Workspace.APPLICATION_ID);
            assertThat((Integer) pragmas.get("busy")).isGreaterThanOrEqualTo(5000);
            assertThatThrownBy(() -> ws.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO contact (address_id, status, created_at, updated_at) VALUES (999, 'ACTIVE', 0, 0)")))
                    .hasMessageContaining("FOREIGN KEY");
        }
        try (Workspace again = Workspace.open(file)) {
            assertThat(again.file()).isEqualTo(file.toAbsolutePath());
        }
    }

    @Test
    void theAuditLogIsAppendOnlyInTheDatabaseItself() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.db"))) {
            AuditDao audit = new AuditDao();
            ws.jdbi().useHandle(h -> audit.append(h, java.time.Instant.EPOCH, "admin", "TEST", "x", null, "{}"));
            assertThatThrownBy(() -> ws.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET username = 'eve'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> ws.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
            java.util.List<AuditEntry> entries = ws.jdbi().withHandle(h -> audit.list(h, 10));
            assertThat(entries).singleElement()
                    .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));
        }
    }

    @Test
    void aTextFileIsNotAWorkspaceAndIsLeftUntouched() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("not a BounceDesk workspace")
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.NOT_A_WORKSPACE));
        assertThat(Files.readString(file)).isEqualTo("these are my notes");
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("another program");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aWorkspaceOfANewerBounceDeskIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        Workspace.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, 1)");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Workspace.open(file)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("newer BounceDesk")
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.NEWER_SCHEMA));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileLockedByAnotherProgramGetsAClearMessage() throws Exception {
        Path file = dir.resolve("locked.db");
        Workspace.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO workspace_setting (name, value) VALUES ('held', 'by another program')");
            assertThatThrownBy(() -> Workspace.open(file, 200)).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("locked by another program")
                    .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.LOCKED));
            st.execute("ROLLBACK");
        }
    }

    @Test
    void aFolderIsNotAWorkspace() {
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("folder");
    }

    @Test
    void defaultLocationFollowsEachOperatingSystem() {
        assertThat(WorkspaceLocation.dataDirectory(Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/data/bouncedesk"));
        assertThat(WorkspaceLocation.dataDirectory(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/bouncedesk"));
        assertThat(WorkspaceLocation.dataDirectory(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/BounceDesk"));
        assertThat(WorkspaceLocation.dataDirectory(Map.of("LOCALAPPDATA", "/c/AppData/Local"), "Windows 11", "/c/u"))
                .isEqualTo(Path.of("/c/AppData/Local/BounceDesk"));
    }
}
