package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.CsvReadOptions;
import io.bouncedesk.service.ImportFileException;
import io.bouncedesk.service.ImportReport;
import io.bouncedesk.service.PermissionDeniedException;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.RejectedRow;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.service.UserService;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code import contacts} and {@code import global-bounces} share: the file options, signing
 * in, the refusals, and the output scripts read. Rejected rows are printed as "line N: reason",
 * then the summary as the last line of standard output, one JSON object. Exit 0 imported (or a
 * dry run found nothing wrong), 4 the file was rejected (nothing changed), 3 refused, 1 the file
 * could not be read at all.
 */
final class CsvImportRun {

    /** The options of reading an imported CSV file and saving its report. */
    static final class FileOptions {
        @Option(names = "--dry-run", description = "Check the file and print what would happen; change nothing.")
        boolean dryRun;

        @Option(names = "--encoding", paramLabel = "E",
                description = "UTF-8, windows-1250 or windows-1252 (default: detected).")
        String encoding;

        @Option(names = "--delimiter", paramLabel = "C", description = "',', ';' or '\\t' (default: detected).")
        String delimiter;

        @Option(names = "--report", paramLabel = "FILE", description = "Save the rejected rows (line, reason) as CSV.")
        Path report;

        CsvReadOptions readOptions(CommandLine cli) {
            Charset charset = null;
            if (encoding != null) {
                String name = encoding.strip().matches("\\d{3,4}") ? "windows-" + encoding.strip() : encoding.strip();
                try {
                    charset = Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new CommandLine.ParameterException(cli, "Unknown encoding '" + encoding
                            + "': use UTF-8, windows-1250 or windows-1252.");
                }
            }
            Character d = null;
            if (delimiter != null) {
                String v = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
                if (v.length() != 1) {
                    throw new CommandLine.ParameterException(cli, "--delimiter takes one character: ',', ';' or '\\t'");
                }
                d = v.charAt(0);
            }
            try {
                return new CsvReadOptions(charset, d);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
        }
    }

    /** The import itself, given the signed-in user. */
    interface Work {
        ImportReport run(Services services, User user, Progress progress);
    }

    private CsvImportRun() {
    }

    static int run(CommandLine.Model.CommandSpec spec, WorkspaceOption workspace, UserOption user, String label,
                   FileOptions file, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Services services = workspace.open();
        try (var ws = services.workspace;
             ConsoleProgress progress = new ConsoleProgress(label, err)) {
            User signedIn;
            try {
                signedIn = user.signIn(services);
            } catch (UserService.BadCredentialsException e) {
                return refused(out, UnbounceRule.BAD_CREDENTIALS.name(), e.getMessage());
            }
            ImportReport report;
            try {
                report = work.run(services, signedIn, progress);
            } catch (PermissionDeniedException e) {
                return refused(out, UnbounceRule.PERMISSION.name(), e.getMessage());
            } catch (ImportFileException e) {
                err.println(e.getMessage());
                return ExitCode.ERROR;
            }
            return finish(out, err, report, file.report);
        }
    }

    static int finish(PrintWriter out, PrintWriter err, ImportReport report, Path reportFile) {
        String delimiter = report.delimiter() == '\t' ? "tab" : "'" + report.delimiter() + "'";
        String columns = report.columns().entrySet().stream().map(e -> e.getKey() + " <- " + e.getValue())
                .collect(Collectors.joining(", "));
        err.printf("Read %s as %s, delimiter %s; columns: %s.%n", report.fileName(), report.encoding(), delimiter,
                columns.isEmpty() ? "none recognised" : columns);
        for (RejectedRow r : report.rejectedRows()) {
            out.println(r);
        }
        if (report.unlisted() > 0) {
            out.println("... and " + report.unlisted() + " more rejected rows");
        }
        if (reportFile != null) {
            report.saveCsv(reportFile, new CsvOptions(report.delimiter(), true));
            err.println("Saved the report to " + reportFile.toAbsolutePath() + ".");
        }
        if (!report.accepted()) {
            err.println("The file was rejected: nothing was imported. Fix the rows above and import it again.");
        } else if (report.dryRun()) {
            err.println("Dry run: nothing was changed.");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imported", report.imported());
        m.put("updated", report.updated());
        m.put("duplicates", report.duplicates());
        m.put("rejected", report.rejected());
        if (report.dryRun()) {
            m.put("dryRun", true);
        }
        out.println(Json.line(m));
        return report.accepted() ? ExitCode.OK : ExitCode.FILE_REJECTED;
    }

    private static int refused(PrintWriter out, String rule, String sentence) {
        out.println(rule + ": " + sentence);
        return ExitCode.REFUSED;
    }
}
