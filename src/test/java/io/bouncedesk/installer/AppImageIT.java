package io.bouncedesk.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed program: builds the app image with {@code installer/build.sh} (jlink + jpackage,
 * the runtime with the JavaFX modules) and runs its native launcher the way support staff and
 * scripts do, headless: {@code --version}, {@code demo} and {@code status --json} on a temporary
 * workspace, and a usage error. Runs in {@code mvn verify} (failsafe, after package); skipped with a
 * message where the JDK has no jpackage or no jmods. Under {@code mvn -Pinstaller verify} it checks
 * the app image (and the .deb) that the profile just built instead of building its own.
 */
class AppImageIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    @TempDir
    static Path tmp;

    static Path dest;
    static Path launcher;
    static String version;
    /** Why the app image cannot be built here (each test is then reported skipped), or null. */
    static String skipped;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void appImage() throws Exception {
        Path basedir = Path.of(System.getProperty("bouncedesk.basedir", ".")).toAbsolutePath();
        Path target = Path.of(System.getProperty("bouncedesk.target", basedir.resolve("target").toString()));
        version = System.getProperty("bouncedesk.version", "");
        Path javaHome = Path.of(System.getProperty("java.home"));
        String exe = WINDOWS ? ".exe" : "";

        if (!Files.isExecutable(javaHome.resolve("bin/jpackage" + exe)) || !Files.isExecutable(javaHome.resolve("bin/jlink" + exe))) {
            skip("the JDK at " + javaHome + " has no jpackage/jlink (a full JDK 17+ is needed; Debian: openjdk-17-jdk-headless)");
        } else if (!Files.isRegularFile(javaHome.resolve("jmods/java.base.jmod"))) {
            skip("the JDK at " + javaHome + " has no jmods/, which jlink needs (Debian 12: openjdk-17-jdk-headless ships them;"
                    + " Debian 13 and Ubuntu: apt-get install openjdk-17-jmods)");
        } else if (!Files.isRegularFile(target.resolve("bouncedesk.jar")) || !Files.isDirectory(target.resolve("lib"))) {
            skip("no " + target.resolve("bouncedesk.jar") + " with lib/: run it through 'mvn verify' (after package)");
        } else if (!onPath("bash")) {
            skip("no bash on the PATH to run installer/build.sh");
        }
        if (skipped != null) {
            return;
        }

        String built = System.getProperty("bouncedesk.installer.dest", "");
        if (!built.isBlank() && Files.exists(launcherIn(Path.of(built)))) {
            dest = Path.of(built);
            System.err.println("AppImageIT: checking the app image built by -Pinstaller in " + dest);
        } else {
            dest = target.resolve("installer-it");
            List<String> build = new ArrayList<>(List.of("bash", basedir.resolve("installer/build.sh").toString(),
                    "--types", "app-image", "--target", target.toString(), "--dest", dest.toString(),
                    "--version", version, "--java-home", javaHome.toString()));
            if (MAC && version.startsWith("0")) {
                build.addAll(List.of("--app-version", "1.0.0")); // jpackage on macOS refuses 0.x
            }
            Path log = tmp.resolve("build.log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(build).directory(basedir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(15, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(done && p.exitValue() == 0).as("installer/build.sh --types app-image:%n%s", output).isTrue();
            System.err.printf("AppImageIT: built the app image in %d s (%s)%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), dest);
        }
        launcher = launcherIn(dest);
        assertThat(launcher).isExecutable();
    }

    static Path launcherIn(Path dir) {
        if (WINDOWS) {
            return dir.resolve("BounceDesk/bouncedesk-cli.exe");
        }
        if (MAC) {
            return dir.resolve("BounceDesk.app/Contents/MacOS/BounceDesk");
        }
        return dir.resolve("bouncedesk/bin/bouncedesk");
    }

    static void skip(String why) {
        skipped = why;
        System.err.println();
        System.err.println("*** AppImageIT SKIPPED: " + why + " ***");
        System.err.println();
    }

    @BeforeEach
    void appImageWasBuilt() {
        Assumptions.assumeTrue(skipped == null, () -> "AppImageIT skipped: " + skipped);
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program)) || Files.isExecutable(Path.of(dir, program + ".exe"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the launcher as a user would, without a display, a JDK on the PATH or JAVA_HOME, and with
     * a temporary home so that nothing is written to the real user's data directory.
     */
    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("JAVA_HOME");
        env.remove("CLASSPATH");
        env.put("PATH", WINDOWS ? System.getenv("SystemRoot") + "\\system32" : "/usr/bin:/bin");
        Path home = Files.createDirectories(tmp.resolve("home"));
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("launcher " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheVersionFromThePom() throws Exception {
        Result r = run("--version");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("BounceDesk " + version);
    }

    @Test
    void buildsADemoWorkspaceAndReportsItsStatusAsJson() throws Exception {
        Path workspace = tmp.resolve("support team.bdws");

        Result demo = run("demo", "--workspace", workspace.toString(), "--contacts", "200", "--emails", "1");
        assertThat(demo.code()).as("demo: %s%s", demo.out(), demo.err()).isZero();
        assertThat(workspace).isRegularFile();

        Result status = run("status", "--json", "--workspace", workspace.toString());
        assertThat(status.code()).as("status: %s", status.err()).isZero();
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.get("contacts").asInt()).isEqualTo(200);
        assertThat(json.get("byStatus").size()).isPositive();
        assertThat(json.has("quota")).isTrue();
    }

    @Test
    void keepsTheCommandLineContractForUsageErrors() throws Exception {
        Result r = run("no-such-command");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-command");
    }

    @Test
    void carriesItsOwnRuntimeWithTheJavaFxModules() throws Exception {
        Path app = MAC ? dest.resolve("BounceDesk.app") : dest.resolve(WINDOWS ? "BounceDesk" : "bouncedesk");
        Path release = MAC ? app.resolve("Contents/runtime/Contents/Home/release")
                : app.resolve(WINDOWS ? "runtime/release" : "lib/runtime/release");
        String modules = Files.readString(release);
        assertThat(modules).contains("javafx.controls", "javafx.graphics", "java.sql", "jdk.charsets");
        // The JavaFX jars are in the runtime as modules, not a second time on the class path.
        try (Stream<Path> files = Files.walk(app)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("javafx-") && n.endsWith(".jar")))
                    .isEmpty();
        }
    }

    @Test
    void debianPackageHasTheDesktopEntryAndTheFileAssociation() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(dest)) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(deb != null && onPath("dpkg-deb"),
                "no .deb in " + dest + " (built by mvn -Pinstaller package on Debian)");

        String control = output("dpkg-deb", "--field", deb.toString(), "Package", "Version", "Depends");
        assertThat(control).contains("Package: bouncedesk", "Version: " + version.replaceAll("[^0-9.].*", ""), "libgtk-3-0");
        Path extracted = tmp.resolve("deb");
        output("dpkg-deb", "-x", deb.toString(), extracted.toString());
        Path desktop = extracted.resolve("opt/bouncedesk/lib/bouncedesk-bouncedesk.desktop");
        assertThat(Files.readString(desktop)).contains("Name=BounceDesk", "Exec=/opt/bouncedesk/bin/bouncedesk %f",
                "Categories=Office;Email;", "MimeType=application/x-bouncedesk-workspace");
        assertThat(extracted.resolve("opt/bouncedesk/lib/bouncedesk.png"))
                .hasSameBinaryContentAs(Path.of(System.getProperty("bouncedesk.basedir", "."), "installer/icons/bouncedesk.png"));
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }
}
