package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.service.CsvOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code export recipients|contacts|audit}: CSV files written in full or not at all. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports CSV files.",
        subcommands = {ExportCommand.Recipients.class, ExportCommand.Contacts.class, ExportCommand.Audit.class})
final class ExportCommand {

    /** Options every export shares. */
    static final class FileOptions {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path out;

        @Option(names = "--delimiter", paramLabel = "CHAR",
                description = "',' or ';' (default: as spreadsheets expect for your language).")
        String delimiter;

        @Option(names = "--no-bom", description = "Leave out the UTF-8 byte order mark.")
        boolean noBom;

        CsvOptions options(CommandLine cli) {
            CsvOptions defaults = CsvOptions.forLanguage(Locale.getDefault());
            char d = defaults.delimiter();
            if (delimiter != null) {
                String v = delimiter.equals("\\t") ? "\t" : delimiter;
                if (v.length() != 1) {
                    throw new CommandLine.ParameterException(cli, "--delimiter takes one character: ',' or ';'");
                }
                d = v.charAt(0);
            }
            try {
                return new CsvOptions(d, !noBom);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
        }
    }

    static int run(CommandLine.Model.CommandSpec spec, WorkspaceOption workspace, FileOptions file, String what,
                   Function<Services, Function<ConsoleProgress, Long>> export) {
        CsvOptions options = file.options(spec.commandLine());
        Services services = workspace.open();
        try (var ws = services.workspace;
             ConsoleProgress progress = new ConsoleProgress("export", spec.commandLine().getErr())) {
            long rows = export.apply(services).apply(progress);
            spec.commandLine().getOut().printf("Exported %d %s to %s%n", rows, what, file.out.toAbsolutePath());
        }
        return ExitCode.OK;
    }

    @Command(name = "recipients", mixinStandardHelpOptions = true, description = "Recipients of one email, one tab or all.")
    static final class Recipients implements Callable<Integer> {
        @CommandLine.Mixin
        WorkspaceOption workspace;
        @CommandLine.Mixin
        FileOptions file;
        @Option(names = "--email", required = true, paramLabel = "ID", description = "The email's id (see 'emails').")
        long emailId;
        @Option(names = "--tab", defaultValue = "all", paramLabel = "TAB",
                description = "sent, delivered, opened, clicked, bounced, pending, unsubscribed, spam, notsent or all.")
        String tab;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RecipientTab t;
            try {
                t = RecipientTab.fromCliName(tab);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return run(spec, workspace, file, "recipients", s -> p -> s.exports.recipients(CliUser.COMMAND_LINE,
                    emailId, t, file.out, file.options(spec.commandLine()), p));
        }
    }

    @Command(name = "contacts", mixinStandardHelpOptions = true, description = "Contacts, with the Contacts list's filters.")
    static final class Contacts implements Callable<Integer> {
        @CommandLine.Mixin
        WorkspaceOption workspace;
        @CommandLine.Mixin
        FileOptions file;
        @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
        ContactStatus status;
        @Option(names = "--bounce-reason-known", description = "Only contacts with a known hard bounce reason.")
        boolean reasonKnown;
        @Option(names = "--global", description = "Only globally bounced contacts.")
        boolean global;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ContactFilter filter = new ContactFilter(null, status, reasonKnown, null, global);
            return run(spec, workspace, file, "contacts", s -> p -> s.exports.contacts(CliUser.COMMAND_LINE, filter,
                    file.out, file.options(spec.commandLine()), p));
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The whole audit log, oldest first.")
    static final class Audit implements Callable<Integer> {
        @CommandLine.Mixin
        WorkspaceOption workspace;
        @CommandLine.Mixin
        FileOptions file;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return run(spec, workspace, file, "audit entries", s -> p -> s.exports.audit(CliUser.COMMAND_LINE,
                    file.out, file.options(spec.commandLine()), p));
        }
    }
}
