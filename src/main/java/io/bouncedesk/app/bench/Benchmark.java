package io.bouncedesk.app.bench;

import io.bouncedesk.app.Services;
import io.bouncedesk.bounce.BounceMessageParser;
import io.bouncedesk.bounce.MalformedBounceException;
import io.bouncedesk.bounce.MessageSource;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.DatabaseLogin;
import io.bouncedesk.persistence.RecipientExportDao;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.persistence.WorkspaceTarget;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures BounceDesk on a workspace of many contacts with one email sent to all of them,
 * through the same services, view model and commands people use. Every latency is the median
 * of several runs after a warm-up.
 */
public final class Benchmark {

    static final User BENCH = new User(0, "bench", "Benchmark", Role.SUPER_ADMIN);

    private final PrintWriter log;

    public Benchmark(PrintWriter log) {
        this.log = log;
    }

    /** Where and how big; {@code login} only for a team workspace. */
    public record Options(WorkspaceTarget workspace, DatabaseLogin login, int contacts, Path corpus, int events) {
    }

    private static Workspace open(Options o) {
        return Workspace.open(o.workspace(), o.login());
    }

    public List<Figure> run(Options o) throws Exception {
        List<Figure> figures = new ArrayList<>();
        double built = prepare(o);
        try (Workspace ws = open(o)) {
            Services s = new Services(ws, Clock.systemUTC(), new SimulatedTransport(42));
            long emailId = s.reports.emails(null).get(0).email().id();
            long recipients = s.reports.email(emailId).counts().total();
            log.printf("Workspace %s: %,d contacts, email %d with %,d recipients%n", ws.location(),
                    s.reports.summary().contacts(), emailId, recipients);
            figures.addAll(new ViewModelBench(s, emailId, log).measure());
            figures.add(export(s, ws, emailId, recipients));
            figures.add(ws.team() ? psqlRatio(ws, o.login(), emailId, recipients, figures.get(figures.size() - 1))
                    : sqliteRatio(ws, emailId, recipients, figures.get(figures.size() - 1)));
            figures.add(importEvents(s, ws, emailId, o.events()));
        }
        figures.add(classification(o.corpus()));
        figures.add(new Figure("demo_build_s", "demo workspace of " + String.format("%,d", o.contacts())
                + " contacts built", built, "s", 60, false, Double.isNaN(built) ? "workspace reused; build time not stored" : null));
        return figures;
    }

    /** Builds the workspace when it does not exist; returns the build time in seconds, or the stored one. */
    private double prepare(Options o) throws Exception {
        if (o.workspace().team() || Files.exists(o.workspace().file())) {
            try (Workspace ws = open(o)) {
                long contacts = ws.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one());
                if (contacts == 0 && ws.team()) {
                    return build(ws, o);
                }
                if (contacts != o.contacts()) {
                    throw new IllegalStateException(o.workspace() + " holds " + contacts + " contacts, not " + o.contacts()
                            + "; give another --workspace or remove it.");
                }
                return ws.jdbi().withHandle(h -> h.createQuery("SELECT value FROM workspace_setting WHERE name = 'bench.build_seconds'")
                        .mapTo(Double.class).findOne().orElse(Double.NaN));
            }
        }
        try (Workspace ws = open(o)) {
            return build(ws, o);
        }
    }

    private double build(Workspace ws, Options o) {
        log.printf("Building a demo workspace of %,d contacts and 1 email in %s ...%n", o.contacts(), ws.location());
        long start = System.nanoTime();
        SettableClock clock = new SettableClock(Instant.now(), ZoneOffset.UTC);
        new Services(ws, clock, new SimulatedTransport(42)).demo()
                .generate(new DemoDataGenerator.Plan(o.contacts(), 1, 42), Progress.NONE);
        double seconds = Timing.seconds(start);
        ws.jdbi().useHandle(h -> h.execute("INSERT INTO workspace_setting (name, value) VALUES ('bench.build_seconds', ?)",
                Double.toString(seconds)));
        return seconds;
    }

    private Figure export(Services s, Workspace ws, long emailId, long recipients) throws Exception {
        Path out = Files.createTempFile(scratch(ws), "bench-export", ".csv");
        try {
            double ms = Timing.medianMillis(1, 3, () -> s.exports.recipients(BENCH, emailId, RecipientTab.ALL, out,
                    new CsvOptions(',', true), Progress.NONE));
            double rowsPerSecond = recipients / (ms / 1000);
            log.printf("CSV export of %,d recipients: %.2f s (%,.0f rows/s), %,d bytes%n", recipients, ms / 1000,
                    rowsPerSecond, Files.size(out));
            return new Figure("csv_export_rows_per_s", "CSV export of all recipients", rowsPerSecond, "rows/s",
                    490_000, true, null);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Where temporary files go: beside a workspace file, or the temporary folder for a team workspace. */
    private static Path scratch(Workspace ws) {
        return ws.team() ? Path.of(System.getProperty("java.io.tmpdir")) : ws.file().getParent();
    }

    /**
     * A team workspace's counterpart of the SQLite ratio: the same query written by PostgreSQL's own
     * client, {@code psql -c "\\copy (...) TO 'file' CSV"}, on the same server.
     */
    private Figure psqlRatio(Workspace ws, DatabaseLogin login, long emailId, long recipients, Figure export)
            throws Exception {
        String psql = findOnPath("psql");
        String label = "CSV export time / psql \\copy time";
        if (psql == null) {
            return new Figure("csv_export_ratio", label, Double.NaN, "", 1.0, false,
                    "psql is not installed (Debian package postgresql-client)");
        }
        Path out = Files.createTempFile(scratch(ws), "bench-psql", ".csv");
        try {
            String copy = "\\copy (" + RecipientExportDao.plainExportSql(emailId) + ") TO '" + out + "' CSV";
            double ms = Timing.medianMillis(1, 3, () -> {
                ProcessBuilder pb = new ProcessBuilder(psql, "-X", "-q", "-d", libpqUri(ws.target().jdbcUrl(), login),
                        "-c", copy).redirectError(ProcessBuilder.Redirect.INHERIT);
                if (login != null && login.password() != null) {
                    pb.environment().put("PGPASSWORD", new String(login.password()));
                }
                Process p = pb.start();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("psql failed");
                }
                return null;
            });
            double psqlRowsPerSecond = recipients / (ms / 1000);
            double ratio = psqlRowsPerSecond / export.value();
            log.printf("psql \\copy, same query: %.2f s (%,.0f rows/s), %,d bytes; BounceDesk takes %.2f times as long%n",
                    ms / 1000, psqlRowsPerSecond, Files.size(out), ratio);
            return new Figure("csv_export_ratio", label, ratio, "", 1.0, false, null);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** jdbc:postgresql://host:port/db?x=y as libpq's postgresql://user@host:port/db?x=y (no password). */
    static String libpqUri(String jdbcUrl, DatabaseLogin login) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length()).replaceAll("(?i)([?&])password=[^&]*&?", "$1");
        String user = login == null ? "" : java.net.URLEncoder.encode(login.user(), java.nio.charset.StandardCharsets.UTF_8) + "@";
        return "postgresql://" + user + rest;
    }

    /**
     * The same rows through SQLite's own shell, for the ratio of the issue (at most 1.0): the export's
     * query (same recipients, same columns in the same order, booleans as 'true'/'false'), written to
     * a file in the same folder as the export's. The shell leaves the event time as stored, which
     * BounceDesk formats, and adds no BOM or formula guard: any advantage is the shell's.
     */
    private Figure sqliteRatio(Workspace ws, long emailId, long recipients, Figure export) throws Exception {
        String sqlite3 = findOnPath("sqlite3");
        if (sqlite3 == null) {
            return new Figure("csv_export_ratio", "CSV export time / sqlite3 -csv time", Double.NaN, "", 1.0, false,
                    "sqlite3 is not installed (Debian package sqlite3)");
        }
        String sql = RecipientExportDao.plainExportSql(emailId);
        Path out = Files.createTempFile(ws.file().getParent(), "bench-sqlite3", ".csv");
        try {
            double ms = Timing.medianMillis(1, 3, () -> {
                Process p = new ProcessBuilder(sqlite3, "-readonly", "-csv", ws.file().toString(), sql)
                        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException("sqlite3 failed");
                }
                return null;
            });
            double sqliteRowsPerSecond = recipients / (ms / 1000);
            double ratio = sqliteRowsPerSecond / export.value();
            log.printf("sqlite3 -csv, same query: %.2f s (%,.0f rows/s), %,d bytes; BounceDesk takes %.2f times as long%n",
                    ms / 1000, sqliteRowsPerSecond, Files.size(out), ratio);
            return new Figure("csv_export_ratio", "CSV export time / sqlite3 -csv time", ratio, "", 1.0, false, null);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Imports generated SendGrid events for the email's recipients: into a copy of a workspace file
     * (the benchmark workspace stays as built), or into the team workspace itself (each run's
     * events have keys of their own, so every run imports them all).
     */
    private Figure importEvents(Services s, Workspace ws, long emailId, int events) throws Exception {
        Path copy = ws.team() ? null : ws.file().resolveSibling("bench-import.db");
        Path file = Files.createTempFile(scratch(ws), "bench-events", ".jsonl");
        if (!ws.team()) {
            ws.jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        try {
            List<String[]> targets = ws.jdbi().withHandle(h -> h.createQuery("SELECT address, message_id FROM recipient"
                            + " WHERE email_id = :e AND message_id IS NOT NULL ORDER BY id LIMIT :n")
                    .bind("e", emailId).bind("n", events)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
            long run = System.currentTimeMillis();
            // the provider's events follow the send: from a minute after it, a thousand a second
            long sentAt = ws.jdbi().withHandle(h -> h.createQuery("SELECT sent_at FROM marketing_email WHERE id = :e")
                    .bind("e", emailId).mapTo(Long.class).one()) / 1000 + 60;
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                for (int i = 0; i < events; i++) {
                    String[] t = targets.get(i % targets.size());
                    String kind = i % 10 == 0 ? "open" : i % 25 == 0 ? "click" : "delivered";
                    long timestamp = sentAt + i / 1000;
                    w.write("{\"email\":\"" + t[0] + "\",\"timestamp\":" + timestamp + ",\"event\":\"" + kind
                            + "\",\"sg_event_id\":\"bench-" + run + "-" + i + "\",\"smtp-id\":\"" + t[1]
                            + "\",\"response\":\"250 2.0.0 OK\"}\n");
                }
            }
            if (copy != null) {
                Files.copy(ws.file(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (Workspace target = copy == null ? null : Workspace.open(copy)) {
                Services ts = target == null ? s : new Services(target, Clock.systemUTC(), new SimulatedTransport(42));
                long start = System.nanoTime();
                var summary = ts.eventImports.importFile(BENCH, ProviderFormat.SENDGRID, file, Progress.NONE);
                double seconds = Timing.seconds(start);
                double perSecond = summary.imported() / seconds;
                log.printf("Import of %,d SendGrid events: %.2f s (%,.0f events/s), %,d matched%n", summary.imported(),
                        seconds, perSecond, summary.updated());
                return new Figure("import_events_per_s", "import of SendGrid events (JSON lines)", perSecond,
                        "events/s", 200_000, true, null);
            }
        } finally {
            Files.deleteIfExists(file);
            for (String suffix : copy == null ? new String[0] : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
            }
        }
    }

    private Figure classification(Path corpus) throws Exception {
        Path emails = corpus == null ? null : corpus.resolve("emails");
        if (emails == null || !Files.isDirectory(emails)) {
            return new Figure("classify_messages_per_s", "classification of the bounce corpus, one core", Double.NaN,
                    "messages/s", 25_000, true, "corpus not found at " + emails);
        }
        List<byte[]> messages = new ArrayList<>();
        for (MessageSource.Entry e : MessageSource.of(emails)) {
            messages.add(e.raw());
        }
        BounceMessageParser parser = new BounceMessageParser();
        int rounds = 0;
        // the parser's many phrase tables need several seconds of JIT before they run at full speed
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) { // warm-up
            parseAll(parser, messages);
            rounds++;
        }
        long start = System.nanoTime();
        int measuredRounds = Math.max(5, rounds);
        for (int i = 0; i < measuredRounds; i++) {
            parseAll(parser, messages);
        }
        double perSecond = (double) measuredRounds * messages.size() / Timing.seconds(start);
        log.printf("Classification: %,d corpus messages x %d rounds, %,.0f messages/s on one thread%n", messages.size(),
                measuredRounds, perSecond);
        return new Figure("classify_messages_per_s", "classification of the bounce corpus, one core", perSecond,
                "messages/s", 25_000, true, null);
    }

    private static void parseAll(BounceMessageParser parser, List<byte[]> messages) {
        for (byte[] m : messages) {
            try {
                parser.parse(m);
            } catch (MalformedBounceException ignored) {
                // broken messages are part of the corpus' cost too
            }
        }
    }

    private static String findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort for temporary files
        }
    }
}
