package io.bouncedesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code import global-bounces FILE}: the platform's global bounce list, all rows or none. */
@Command(name = "global-bounces", mixinStandardHelpOptions = true,
        description = {"Imports the platform's global bounce list from CSV (columns: address, category, first seen;"
                + " optional reason): all rows or none. Listed addresses are never sent to and their contacts"
                + " become Bounced.",
                "Exit 0 done; 4 the file was rejected (each rejected row printed as 'line N: reason', nothing"
                        + " imported); 3 refused; 1 the file cannot be read. The last line is a JSON summary."})
final class ImportGlobalBouncesCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @CommandLine.Mixin
    CsvImportRun.FileOptions file;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path path;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var read = file.readOptions(spec.commandLine());
        return CsvImportRun.run(spec, workspace, user, "import global bounces", file, (services, signedIn, progress) ->
                services.globalBounceImports.importGlobalBounces(signedIn, path, read, file.dryRun, progress));
    }
}
