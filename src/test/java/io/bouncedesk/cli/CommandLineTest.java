package io.bouncedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as scripts use it: each call is a fresh JVM with its own environment, so exit
 * codes, output and the BOUNCEDESK_PASSWORD variable are exercised for real.
 */
class CommandLineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path workspace;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
        }
    }

    static Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("bouncedesk.cli.classpath", System.getProperty("java.class.path")), "io.bouncedesk.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(Credentials.ENV);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    @BeforeAll
    static void demo() throws Exception {
        workspace = dir.resolve("demo.db");
        Result r = run("demo", "--workspace", workspace.toString(), "--contacts", "800", "--emails", "3", "--seed", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("800 contacts");
    }

    @Test
    void statusJsonHasTheDocumentedShape() throws Exception {
        Result r = run("status", "--json", "--workspace", workspace.toString());
        assertThat(r.code()).isZero();
        JsonNode s = r.json();
        assertThat(s.get("contacts").asLong()).isEqualTo(800);
        long sum = 0;
        for (String status : List.of("ACTIVE", "UNSUBSCRIBED", "BOUNCED", "SPAM_COMPLAINT", "UNCONFIRMED")) {
            sum += s.get("byStatus").get(status).asLong();
        }
        assertThat(sum).isEqualTo(800);
        assertThat(s.get("billable").asLong()).isEqualTo(s.get("byStatus").get("ACTIVE").asLong());
        assertThat(s.get("quota").get("month").asText()).matches("\\d{4}-\\d{2}");
        assertThat(s.get("quota").get("limit").asInt()).isEqualTo(16);
        assertThat(s.get("quota").get("used").asInt()).isEqualTo(3);
    }

    @Test
    void contactsAndContactAsJson() throws Exception {
        Result list = run("contacts", "--status", "BOUNCED", "--limit", "5", "--json", "--workspace", workspace.toString());
        assertThat(list.code()).isZero();
        List<String> lines = list.out().strip().lines().toList();
        assertThat(lines).hasSizeBetween(1, 5);
        String address = null;
        for (String line : lines) {
            JsonNode c = JSON.readTree(line);
            assertThat(c.get("status").asText()).isEqualTo("BOUNCED");
            if (!c.get("globalBounce").asBoolean()) {
                address = c.get("address").asText();
            }
        }
        assertThat(address).isNotNull();
        JsonNode c = run("contact", address, "--json", "--workspace", workspace.toString()).json();
        assertThat(c.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(c.get("hardBounce").get("reason").asText()).isNotBlank();
        assertThat(c.get("hardBounce").get("category").asText()).isNotBlank();
        assertThat(c.get("hardBounce").get("time").asText()).endsWith("Z");
        assertThat(c.get("eligible").asBoolean()).isFalse();
        assertThat(c.has("globalBounce")).isTrue();
        assertThat(c.has("unbouncedBefore")).isTrue();

        Result missing = run("contact", "nobody@nowhere.example", "--workspace", workspace.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("No contact has the address nobody@nowhere.example");
    }

    @Test
    void unbounceExitCodesNameTheRule() throws Exception {
        String ws = workspace.toString();
        List<String> candidates = run("contacts", "--status", "BOUNCED", "--json", "--workspace", ws).out().lines()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(c -> !c.get("globalBounce").asBoolean() && !c.get("purchasedList").asBoolean())
                .map(c -> c.get("address").asText()).toList();
        String target = null;
        for (String a : candidates) {
            if (!run("contact", a, "--json", "--workspace", ws).json().get("unbouncedBefore").asBoolean()) {
                target = a;
                break;
            }
        }
        assertThat(target).isNotNull();
        Map<String, String> demo = Map.of(Credentials.ENV, "demo");

        Result badPassword = run(Map.of(Credentials.ENV, "nope"), "unbounce", target, "--user", "admin", "--confirm", "--workspace", ws);
        assertThat(badPassword.code()).isEqualTo(3);
        assertThat(badPassword.out()).startsWith("BAD_CREDENTIALS:");

        Result noPassword = run("unbounce", target, "--user", "admin", "--confirm", "--workspace", ws);
        assertThat(noPassword.code()).isEqualTo(3);
        assertThat(noPassword.out()).startsWith("BAD_CREDENTIALS:");

        Result viewer = run(demo, "unbounce", target, "--user", "support", "--confirm", "--workspace", ws);
        assertThat(viewer.code()).isEqualTo(3);
        assertThat(viewer.out()).startsWith("PERMISSION:");

        Result unconfirmed = run(demo, "unbounce", target, "--user", "marketer", "--workspace", ws);
        assertThat(unconfirmed.code()).isEqualTo(3);
        assertThat(unconfirmed.out()).startsWith("NOT_CONFIRMED:");

        Result done = run(demo, "unbounce", target, "--user", "marketer", "--confirm", "--workspace", ws);
        assertThat(done.code()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("Unbounced").contains("4 of 16");
        assertThat(run("contact", target, "--json", "--workspace", ws).json().get("eligible").asBoolean()).isTrue();

        Result again = run(demo, "unbounce", target, "--user", "marketer", "--confirm", "--workspace", ws);
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.out()).startsWith("NOT_BOUNCED:");
    }

    @Test
    void sendPrintsTheCountPerOutcome() throws Exception {
        Path copy = dir.resolve("send.db");
        assertThat(run("demo", "--workspace", copy.toString(), "--contacts", "300", "--emails", "1").code()).isZero();
        Result r = run("send", "--name", "CLI send", "--subject", "Hello", "--from", "news@mail.nordlys-outdoor.eu",
                "--to", "all", "--json", "--workspace", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode counts = r.json();
        assertThat(counts.get("sent").asLong() + counts.get("notSent").asLong()).isEqualTo(300);
        assertThat(counts.get("delivered").asLong()).isPositive();
        assertThat(counts.get("notSent").asLong()).isPositive();
    }

    @Test
    void emailsAndExports() throws Exception {
        String ws = workspace.toString();
        Result emails = run("emails", "--json", "--workspace", ws);
        assertThat(emails.code()).isZero();
        List<JsonNode> list = new ArrayList<>();
        for (String line : emails.out().strip().lines().toList()) {
            list.add(JSON.readTree(line));
        }
        assertThat(list).hasSize(3);
        JsonNode first = list.get(0);
        for (String field : List.of("id", "name", "subject", "sentAt", "sent", "delivered", "opened", "clicked",
                "bounced", "pending", "unsubscribed", "spam", "notsent")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("sent").asLong()).isEqualTo(first.get("delivered").asLong()
                + first.get("bounced").asLong() + first.get("pending").asLong());

        Path out = dir.resolve("bounced.csv");
        Result export = run("export", "recipients", "--email", first.get("id").asText(), "--tab", "bounced",
                "--out", out.toString(), "--delimiter", ";", "--no-bom", "--workspace", ws);
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported " + first.get("bounced").asLong() + " recipients");
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("email;first_name;last_name;company;recipient_status;bounce_type");
        assertThat(lines.stream().skip(1).filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l).contains(";bounced;"));

        Path missing = dir.resolve("missing.csv");
        Result bad = run("export", "recipients", "--email", "9999", "--tab", "all", "--out", missing.toString(),
                "--workspace", ws);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("No marketing email with id 9999");
        assertThat(missing).doesNotExist();
        assertThat(run("export", "recipients", "--email", "1", "--tab", "nope", "--out", missing.toString(),
                "--workspace", ws).code()).isEqualTo(2);

        Path contacts = dir.resolve("contacts.csv");
        Result c = run("export", "contacts", "--status", "BOUNCED", "--bounce-reason-known", "--out",
                contacts.toString(), "--workspace", ws);
        assertThat(c.code()).isZero();
        assertThat(c.out()).containsPattern("Exported \\d+ contacts");
        Path audit = dir.resolve("audit.csv");
        assertThat(run("export", "audit", "--out", audit.toString(), "--workspace", ws).code()).isZero();
        assertThat(java.nio.file.Files.readString(audit)).contains("UNBOUNCE");
    }

    @Test
    void importEventsPrintsAJsonSummaryAndIsIdempotent() throws Exception {
        Path copy = dir.resolve("events.db");
        assertThat(run("demo", "--workspace", copy.toString(), "--contacts", "200", "--emails", "1").code()).isZero();
        String address = JSON.readTree(run("contacts", "--status", "ACTIVE", "--limit", "1", "--json", "--workspace",
                copy.toString()).out()).get("address").asText();
        Path events = dir.resolve("events.jsonl");
        java.nio.file.Files.writeString(events, "{\"email\":\"" + address + "\",\"timestamp\":1773140200,"
                + "\"event\":\"bounce\",\"sg_event_id\":\"cli-1\",\"type\":\"bounce\",\"status\":\"5.1.1\","
                + "\"reason\":\"550 5.1.1 User unknown\"}\n{\"event\":\"open\"}\n");
        Map<String, String> demo = Map.of(Credentials.ENV, "demo");
        String ws = copy.toString();

        Result first = run(demo, "import", "events", "--format", "sendgrid", events.toString(), "--user", "marketer",
                "--workspace", ws);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode summary = first.json();
        assertThat(summary.get("imported").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(first.out()).contains("line 2: ");
        assertThat(run("contact", address, "--json", "--workspace", ws).json().get("status").asText()).isEqualTo("BOUNCED");

        JsonNode again = run(demo, "import", "events", "--format", "sendgrid", events.toString(), "--user", "marketer",
                "--workspace", ws).json();
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(1);

        Path garbage = dir.resolve("garbage.json");
        java.nio.file.Files.writeString(garbage, "this is not json");
        Result rejected = run(demo, "import", "events", "--format", "sendgrid", garbage.toString(), "--user", "marketer",
                "--workspace", ws);
        assertThat(rejected.code()).isEqualTo(4);
        assertThat(rejected.err()).isNotBlank();
        assertThat(run(demo, "import", "events", "--format", "sendgrid", events.toString(), "--user", "support",
                "--workspace", ws).code()).isEqualTo(3);
        assertThat(run(demo, "import", "events", "--format", "carrier-pigeon", events.toString(), "--user", "marketer",
                "--workspace", ws).code()).isEqualTo(2);
    }

    @Test
    void helpVersionAndUsageErrors() throws Exception {
        for (String command : List.of("demo", "status", "contacts", "contact", "send", "unbounce", "emails",
                "export recipients", "export contacts", "export audit", "import events")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            Result help = run(args.toArray(String[]::new));
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage:").contains("--workspace");
        }
        assertThat(run("export", "--help").out()).contains("recipients").contains("contacts").contains("audit");
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("BounceDesk ");
        assertThat(run("unbounce", "--workspace", workspace.toString()).code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("send", "--name", "x", "--subject", "y", "--from", "not-an-address", "--to", "all",
                "--workspace", workspace.toString()).code()).isEqualTo(2);
    }

    @Test
    void aBrokenWorkspaceFileGetsAClearMessage() throws Exception {
        Path bogus = dir.resolve("bogus.db");
        java.nio.file.Files.writeString(bogus, "hello");
        Result r = run("status", "--json", "--workspace", bogus.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a BounceDesk workspace").doesNotContain("Exception");
        assertThat(java.nio.file.Files.readString(bogus)).isEqualTo("hello");
    }
}
