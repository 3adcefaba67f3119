package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.IngestSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Imports an email provider's delivery events (JSON array or JSON lines). Importing the same "
                + "events twice records them once; a cancelled import continues when run again.")
final class ImportEventsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @Option(names = "--format", required = true, paramLabel = "PROVIDER", description = "sendgrid, ses, postmark or mailgun.")
    String format;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProviderFormat provider;
        try {
            provider = ProviderFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var out = spec.commandLine().getOut();
        Services services = workspace.open();
        try (var ws = services.workspace;
             ConsoleProgress progress = new ConsoleProgress("import", spec.commandLine().getErr())) {
            User signedIn = user.signIn(services);
            IngestSummary summary;
            try {
                summary = services.eventImports.importFile(signedIn, provider, file, progress);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCode.FILE_REJECTED;
            }
            return ImportCommand.report(out, summary);
        }
    }
}
