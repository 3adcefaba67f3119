package io.bouncedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.service.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import contacts} and {@code import global-bounces} as scripts use them: a fresh JVM per
 * call, the password from BOUNCEDESK_PASSWORD, exit codes 0/1/2/3/4 and the JSON summary last.
 */
class ImportCommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> SECRET = Map.of(Credentials.ENV, "secret");

    @TempDir
    Path dir;
    TestWorkspace t;
    String ws;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.strip().lines().toList();
        }

        JsonNode json() throws IOException {
            List<String> lines = lines();
            return JSON.readTree(lines.get(lines.size() - 1));
        }
    }

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        ws = dir.resolve("test.db").toString();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    Result run(Map<String, String> env, String... args) throws Exception {
        String main = System.getProperty("bouncedesk.cli.classpath", System.getProperty("java.class.path"));
        String tests = Path.of(ImportCommandsMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", tests + File.pathSeparator + main, ImportCommandsMain.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--workspace", ws));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(Credentials.ENV);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    Path csv(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    ContactRow contact(String address) {
        return t.services.contacts.findByAddress(address).orElseThrow();
    }

    @Test
    void importsContactsAndPrintsTheSummaryAsTheLastLine() throws Exception {
        Path file = csv("people.csv", "Courriel;Prénom;Nom;Société\r\nhelene@example.fr;Hélène;Lefèvre;Crème SARL\r\n"
                + "francois@example.fr;François;Noël;Garçon & Fils\r\n", Charset.forName("windows-1252"));

        Result dry = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.json().toString()).isEqualTo("{\"imported\":2,\"updated\":0,\"duplicates\":0,\"rejected\":0,\"dryRun\":true}");
        assertThat(t.services.contacts.findByAddress("helene@example.fr")).isEmpty();

        Result r = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--source", "Salon Paris", "--purchased");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().toString()).isEqualTo("{\"imported\":2,\"updated\":0,\"duplicates\":0,\"rejected\":0}");
        assertThat(r.err()).contains("windows-1252", "email <- Courriel");
        ContactRow helene = contact("helene@example.fr");
        assertThat(helene.firstName()).isEqualTo("Hélène");
        assertThat(helene.source()).isEqualTo("Salon Paris");
        assertThat(helene.purchasedList()).isTrue();

        Result again = run(SECRET, "contacts", file.toString(), "--user", "admin");
        assertThat(again.json().toString()).isEqualTo("{\"imported\":0,\"updated\":0,\"duplicates\":2,\"rejected\":0}");
    }

    @Test
    void aRejectedFilePrintsEachRowThenTheSummaryAndExits4() throws Exception {
        Path file = csv("bad.csv", "email,first_name,company\n"
                + "ok@example.org,Ok,\"two\nlines\"\n"
                + "broken@,Broken,Acme\n"
                + "ok@example.org,Again,Acme\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("report.csv");

        Result r = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--report", report.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FILE_REJECTED);
        assertThat(r.lines()).containsExactly(
                "line 4: 'broken@' is not a valid email address",
                "line 5: duplicate of line 2 (ok@example.org)",
                "{\"imported\":0,\"updated\":0,\"duplicates\":0,\"rejected\":2}");
        assertThat(r.err()).contains("nothing was imported");
        assertThat(Files.readAllLines(report)).hasSize(3).first().asString().endsWith("line,reason");
        assertThat(t.services.contacts.findByAddress("ok@example.org")).isEmpty();
    }

    @Test
    void optionsOverrideDetectionAndTheMapping() throws Exception {
        Path file = csv("tab.tsv", "Name\tWork\tPrivate\nAnna\twork@example.org\tanna@example.org\n", StandardCharsets.UTF_8);
        Result r = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--map", "email=Private",
                "--map", "first_name=1", "--encoding", "UTF-8", "--delimiter", "\\t");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(contact("anna@example.org").firstName()).isEqualTo("Anna");
        assertThat(t.services.contacts.findByAddress("work@example.org")).isEmpty();

        Result badColumn = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--map", "email=Phone");
        assertThat(badColumn.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badColumn.err()).contains("no column 'Phone'");
        Result badEncoding = run(SECRET, "contacts", file.toString(), "--user", "marketer", "--encoding", "klingon");
        assertThat(badEncoding.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void refusalsExit3AndUnreadableFilesExit1() throws Exception {
        Path file = csv("x.csv", "email\nx@example.org\n", StandardCharsets.UTF_8);

        Result wrongPassword = run(Map.of(Credentials.ENV, "nope"), "contacts", file.toString(), "--user", "marketer");
        assertThat(wrongPassword.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(wrongPassword.out()).startsWith("BAD_CREDENTIALS:");
        Result noUser = run(SECRET, "contacts", file.toString());
        assertThat(noUser.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(noUser.out()).startsWith("BAD_CREDENTIALS:");
        Result viewer = run(SECRET, "global-bounces", file.toString(), "--user", "support");
        assertThat(viewer.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(viewer.out()).startsWith("PERMISSION:");

        Result missing = run(SECRET, "contacts", dir.resolve("missing.csv").toString(), "--user", "marketer");
        assertThat(missing.code()).isEqualTo(ExitCode.ERROR);
        assertThat(missing.err()).contains("File not found");
        Path binary = dir.resolve("photo.jpg");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
        Result garbage = run(SECRET, "contacts", binary.toString(), "--user", "marketer");
        assertThat(garbage.code()).isEqualTo(ExitCode.ERROR);
        assertThat(garbage.err()).contains("binary");
        assertThat(t.services.contacts.findByAddress("x@example.org")).isEmpty();
    }

    @Test
    void importsTheGlobalBounceList() throws Exception {
        long id = t.contact("anna@example.org");
        Path file = csv("global.csv", "Address;Category;First seen\nanna@example.org;Unknown user;2026-02-01\n"
                + "other@example.org;MAILBOX_FULL;2026-02-03T12:00:00Z\n", StandardCharsets.UTF_8);

        Result r = run(SECRET, "global-bounces", file.toString(), "--user", "admin");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().toString()).isEqualTo("{\"imported\":2,\"updated\":0,\"duplicates\":0,\"rejected\":0}");
        assertThat(t.services.contacts.details(id).contact().status()).isEqualTo(ContactStatus.BOUNCED);

        Path bad = csv("bad-global.csv", "address,category,first seen\nx@example.org,Sometimes,2026-02-01\n",
                StandardCharsets.UTF_8);
        Result rejected = run(SECRET, "global-bounces", bad.toString(), "--user", "admin", "--dry-run");
        assertThat(rejected.code()).isEqualTo(ExitCode.FILE_REJECTED);
        assertThat(rejected.lines().get(0)).startsWith("line 2: unknown category 'Sometimes'");
        assertThat(rejected.json().get("dryRun").asBoolean()).isTrue();
    }
}
