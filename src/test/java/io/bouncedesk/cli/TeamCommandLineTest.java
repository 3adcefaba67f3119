package io.bouncedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bouncedesk.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static io.bouncedesk.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line on a team workspace in a real PostgreSQL server, in a JVM of its own. */
class TeamCommandLineTest {

    @Test
    void demoAndStatusRunOnATeamWorkspace() throws Exception {
        String url = TestDatabases.emptyTeamUrl();
        Map<String, String> noPassword = Map.of(WorkspaceOption.PASSWORD_VARIABLE, "");

        CommandLineTest.Result demo = run(noPassword, "demo", "--workspace", url, "--db-user", "postgres",
                "--contacts", "300", "--emails", "2");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains(url).contains("300 contacts");

        CommandLineTest.Result status = run(noPassword, "status", "--json", "--workspace", url + "?user=postgres");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode s = status.json();
        assertThat(s.get("contacts").asLong()).isEqualTo(300);
        assertThat(s.get("quota").get("limit").asInt()).isEqualTo(10);
    }

    @Test
    void unreachableServersAndWrongUrlsGetClearMessages() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CommandLineTest.Result down = run("status", "--workspace",
                "jdbc:postgresql://127.0.0.1:" + closed + "/bouncedesk?connectTimeout=2", "--db-user", "postgres");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("Cannot reach the server").contains("127.0.0.1:" + closed)
                .doesNotContain("at org.");

        CommandLineTest.Result mysql = run("status", "--workspace", "jdbc:mysql://db/bouncedesk");
        assertThat(mysql.code()).isEqualTo(2);
        assertThat(mysql.err()).contains("PostgreSQL JDBC URL");
    }
}
