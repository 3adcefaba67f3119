package io.bouncedesk.persistence;

import io.bouncedesk.domain.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a team workspace in PostgreSQL guarantees beyond the suites both databases run. */
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql")
class TeamWorkspaceTest {

    private static Workspace open(String url) {
        return Workspace.open(WorkspaceTarget.team(url), TestPostgres.server().superuser());
    }

    @Test
    void anEmptyDatabaseBecomesAWorkspaceAndOpensAgain() {
        String url = TestDatabases.emptyTeamUrl();
        try (Workspace ws = open(url)) {
            assertThat(ws.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(ws.team()).isTrue();
            assertThat(ws.location()).isEqualTo(url);
            assertThatThrownBy(ws::file).isInstanceOf(IllegalStateException.class);
        }
        try (Workspace again = open(url)) {
            long migrations = again.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success").mapTo(Long.class).one());
            assertThat(migrations).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void theAuditLogIsAppendOnlyInTheDatabaseItself() {
        Workspace ws = TestDatabases.freshTeam();
        try {
            AuditDao audit = new AuditDao();
            ws.jdbi().useHandle(h -> audit.append(h, Instant.EPOCH, "admin", "TEST", "x", null, "{}"));
            for (String change : List.of("UPDATE audit_log SET username = 'eve'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> ws.jdbi().useHandle(h -> h.execute(change))).as(change)
                        .hasMessageContaining("append-only");
            }
            List<AuditEntry> entries = ws.jdbi().withHandle(h -> audit.list(h, 10));
            assertThat(entries).singleElement()
                    .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));
        } finally {
            TestDatabases.dispose(ws);
        }
    }

    @Test
    void batchInsertsWithTheirOwnIdsLeaveTheIdentityAfterThem() {
        Workspace ws = TestDatabases.freshTeam();
        try {
            AddressDao addresses = new AddressDao();
            ws.jdbi().useTransaction(h -> {
                long first = addresses.nextId(h);
                addresses.insertBatch(h, List.of(Map.entry(first, EmailAddress.of("a@example.org")),
                        Map.entry(first + 1, EmailAddress.of("b@example.org"))));
            });
            long created = ws.jdbi().inTransaction(h -> addresses.getOrCreate(h, EmailAddress.of("c@example.org")));
            long again = ws.jdbi().inTransaction(h -> addresses.getOrCreate(h, EmailAddress.of("C@Example.org")));
            assertThat(created).isEqualTo(3);
            assertThat(again).isEqualTo(created);
        } finally {
            TestDatabases.dispose(ws);
        }
    }

    @Test
    void aDatabaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws Exception {
        String url = TestDatabases.emptyTeamUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
        }
        assertThatThrownBy(() -> open(url)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("another application")
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.NOT_A_WORKSPACE));
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no table was added").isEqualTo(1);
        }
    }

    @Test
    void aWorkspaceOfANewerBounceDeskIsRefused() throws Exception {
        String url = TestDatabases.freshTeamUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, TRUE)");
        }
        assertThatThrownBy(() -> open(url)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("newer BounceDesk")
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.NEWER_SCHEMA));
    }

    @Test
    void missingDatabasesAndUnreachableServersAreNamedInTheMessage() throws Exception {
        String missing = TestPostgres.server().url("no_such_workspace");
        assertThatThrownBy(() -> open(missing)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("no_such_workspace");
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> open("jdbc:postgresql://127.0.0.1:" + closedPort + "/bouncedesk?connectTimeout=2"))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aConsoleHearsWhatAnotherConsoleCommitted() throws Exception {
        Workspace mine = TestDatabases.freshTeam();
        try (Workspace theirs = TestDatabases.another(mine)) {
            java.util.concurrent.BlockingQueue<java.util.Set<String>> heard = new java.util.concurrent.LinkedBlockingQueue<>();
            try (ChangeFeed feed = ChangeFeed.listen(mine, heard::add)) {
                assertThat(feed.live()).isTrue();
                Thread.sleep(500); // LISTEN is in place
                theirs.jdbi().useTransaction(h -> {
                    long address = new AddressDao().getOrCreate(h, EmailAddress.of("new@example.org"));
                    new ContactDao().insert(h, new NewContact("New", "Contact", "", "Test", false, address, true,
                            null, null, io.bouncedesk.domain.ContactStatus.ACTIVE, Instant.EPOCH));
                });
                java.util.Set<String> tables = heard.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(tables).isNotNull().contains("contact", "email_address");
                theirs.jdbi().useTransaction(h -> h.execute("UPDATE contact SET first_name = 'Renamed'"));
                assertThat(heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).containsExactly("contact");
            }
        } finally {
            TestDatabases.dispose(mine);
        }
    }

    /** The role setup of the README: an owner migrates, agents sign in with a role that cannot touch the audit log. */
    @Test
    void consolesWorkUnderTheReadmesRolesAndCannotRewriteTheAuditLog() throws Exception {
        TestPostgres pg = TestPostgres.server();
        pg.admin("CREATE ROLE bd_owner LOGIN", "CREATE ROLE bd_console NOLOGIN", "CREATE ROLE bd_anna LOGIN IN ROLE bd_console",
                "CREATE DATABASE bd_roles OWNER bd_owner");
        String url = pg.url("bd_roles");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("ALTER SCHEMA public OWNER TO bd_owner");
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        assertThatThrownBy(() -> Workspace.open(WorkspaceTarget.team(url), new DatabaseLogin("bd_anna", null)))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("owner role")
                .satisfies(e -> assertThat(((WorkspaceException) e).kind()).isEqualTo(WorkspaceException.Kind.ACCESS_DENIED));
        Workspace.open(WorkspaceTarget.team(url), new DatabaseLogin("bd_owner", null)).close();
        try (Connection c = DriverManager.getConnection(url, "bd_owner", ""); Statement st = c.createStatement()) {
            for (String grant : README_GRANTS) {
                st.execute(grant.replace("bouncedesk_console", "bd_console"));
            }
        }
        try (Workspace agent = Workspace.open(WorkspaceTarget.team(url), new DatabaseLogin("bd_anna", null))) {
            io.bouncedesk.app.Services s = new io.bouncedesk.app.Services(agent,
                    new io.bouncedesk.service.SettableClock(Instant.parse("2026-11-20T10:00:00Z"), java.time.ZoneOffset.UTC),
                    new io.bouncedesk.service.SimulatedTransport(3), new io.bouncedesk.service.PasswordHasher(1_000));
            s.demo().generate(new io.bouncedesk.service.DemoDataGenerator.Plan(300, 2, 3), io.bouncedesk.service.Progress.NONE);
            assertThat(s.reports.summary().contacts()).isEqualTo(300);
            assertThat(s.reports.summary().quota().used()).as("the demo's unbounces went through").isPositive();
            for (String change : List.of("UPDATE audit_log SET username = 'eve'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log", "DROP TRIGGER audit_log_no_update ON audit_log")) {
                assertThatThrownBy(() -> agent.jdbi().useHandle(h -> h.execute(change))).as(change)
                        .hasMessageFindingMatch("permission denied|must be owner");
            }
        }
    }

    /** The grants the README gives the consoles' role, after the owner's first open. */
    static final List<String> README_GRANTS = List.of(
            "GRANT USAGE ON SCHEMA public TO bouncedesk_console",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bouncedesk_console",
            "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM bouncedesk_console",
            "REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM bouncedesk_console",
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO bouncedesk_console");

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        WorkspaceTarget t = WorkspaceTarget.parse("jdbc:postgresql://db:5432/bd?user=ann&password=s3cret&ssl=true");
        assertThat(t.team()).isTrue();
        assertThat(t.display()).doesNotContain("s3cret").contains("password=***").contains("ssl=true");
        assertThat(WorkspaceTarget.parse("/tmp/w.db").team()).isFalse();
        assertThatThrownBy(() -> WorkspaceTarget.parse("jdbc:mysql://db/bd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL");
    }
}
