package io.bouncedesk.cli;

import io.bouncedesk.service.IngestSummary;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code import contacts|global-bounces|events|bounces}: bring data in; each prints a JSON summary last. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports contacts, the global bounce list, provider events or bounce messages.",
        subcommands = {ImportContactsCommand.class, ImportGlobalBouncesCommand.class, ImportEventsCommand.class,
                ImportBouncesCommand.class})
final class ImportCommand {

    private ImportCommand() {
    }

    /** Prints each problem, then the summary as one JSON line, and picks the exit code. */
    static int report(PrintWriter out, IngestSummary s) {
        s.problems().forEach(out::println);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imported", s.imported());
        m.put("updated", s.updated());
        m.put("duplicates", s.duplicates());
        m.put("rejected", s.rejected());
        if (s.cancelled()) {
            m.put("cancelled", true);
        }
        out.println(Json.line(m));
        return s.cancelled() ? ExitCode.CANCELLED : ExitCode.OK;
    }
}
