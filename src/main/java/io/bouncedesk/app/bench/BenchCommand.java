package io.bouncedesk.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bouncedesk.persistence.DatabaseLogin;
import io.bouncedesk.persistence.WorkspaceTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures BounceDesk on a workspace with CONTACTS contacts and one email sent to all of them "
                + "(built the first time, reused after), prints a table and writes JSON.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--contacts", defaultValue = "1000000", description = "Contacts (default: ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = {"-w", "--workspace"}, paramLabel = "FILE|JDBC-URL",
            description = "Benchmark workspace: a file (default: target/bench/bench-CONTACTS.db) or an empty or earlier"
                    + " benchmark team workspace's PostgreSQL URL (password in BOUNCEDESK_DB_PASSWORD).")
    String workspace;

    @Option(names = "--db-user", paramLabel = "ROLE", description = "Database user of a team workspace.")
    String dbUser;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the figures as JSON.")
    Path out;

    @Option(names = "--events", defaultValue = "1000000", description = "SendGrid events to import (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "../shared/samples/bounces",
            description = "The bounce corpus (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getOut();
        WorkspaceTarget ws = workspace != null ? WorkspaceTarget.parse(workspace)
                : WorkspaceTarget.file(Path.of("target", "bench", "bench-" + contacts + ".db"));
        DatabaseLogin login = null;
        if (ws.team()) {
            String password = System.getenv("BOUNCEDESK_DB_PASSWORD");
            login = new DatabaseLogin(dbUser != null ? dbUser : System.getProperty("user.name"),
                    password == null || password.isEmpty() ? null : password.toCharArray());
        } else {
            Files.createDirectories(ws.file().toAbsolutePath().getParent());
        }
        List<Figure> figures = new Benchmark(log).run(new Benchmark.Options(ws, login, contacts, corpus, events));
        log.println();
        log.printf("%-62s %14s %12s  %s%n", "figure", "measured", "target", "verdict");
        for (Figure f : figures) {
            log.printf("%-62s %14s %12s  %s%n", f.label(), Figure.format(f.value()) + " " + f.unit(),
                    (f.higherIsBetter() ? ">= " : "<= ") + Figure.format(f.target()) + " " + f.unit(), f.verdict());
        }
        if (out != null) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("contacts", contacts);
            json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version"),
                    "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Figure f : figures) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("label", f.label());
                v.put("value", f.measured() ? f.value() : null);
                v.put("unit", f.unit());
                v.put("target", f.target());
                v.put("met", f.met());
                v.put("verdict", f.verdict());
                values.put(f.key(), v);
            }
            json.put("figures", values);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
            log.println("Wrote " + out.toAbsolutePath());
        }
        return 0;
    }
}
