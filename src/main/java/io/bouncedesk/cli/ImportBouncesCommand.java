package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.IngestSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bounces", mixinStandardHelpOptions = true,
        description = "Classifies bounce messages and records them against their recipients, keeping the originals. "
                + "The same message imported twice is recorded once.")
final class ImportBouncesCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|MBOX")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Services services = workspace.open();
        try (var ws = services.workspace;
             ConsoleProgress progress = new ConsoleProgress("import", spec.commandLine().getErr())) {
            User signedIn = user.signIn(services);
            IngestSummary summary;
            try {
                summary = services.bounceImports.importPaths(signedIn, paths, progress);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCode.FILE_REJECTED;
            }
            return ImportCommand.report(out, summary);
        }
    }
}
