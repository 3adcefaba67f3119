package io.bouncedesk.cli;

import io.bouncedesk.service.ColumnMapping;
import io.bouncedesk.service.ContactImportOptions;
import io.bouncedesk.service.CsvReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code import contacts FILE}: creates or updates contacts from a CSV file, all rows or none. */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = {"Imports contacts from a CSV file: all rows or none. Columns are recognised by their names"
                + " (e.g. E-mail, Adres e-mail, Courriel, Jméno, Prénom, Nazwisko, Efternavn, Firma, Société);"
                + " encoding and delimiter are detected.",
                "Exit 0 done; 4 the file was rejected (each rejected row printed as 'line N: reason', nothing"
                        + " imported); 3 refused; 1 the file cannot be read. The last line is a JSON summary."})
final class ImportContactsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @CommandLine.Mixin
    CsvImportRun.FileOptions file;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path path;

    @Option(names = "--source", paramLabel = "LABEL",
            description = "Source of created contacts (default: 'CSV import FILE NAME').")
    String source;

    @Option(names = "--purchased", description = "Created contacts are from a purchased or third-party list.")
    boolean purchased;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN", mapFallbackValue = "",
            description = "Read FIELD (email, first_name, last_name, company) from COLUMN (a header name or a"
                    + " 1-based number; empty to leave the field out). Repeatable; overrides the suggestion.")
    Map<String, String> map = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CsvReadOptions read = file.readOptions(spec.commandLine());
        ContactImportOptions options;
        try {
            options = new ContactImportOptions(source, purchased, file.dryRun);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return CsvImportRun.run(spec, workspace, user, "import contacts", file, (services, signedIn, progress) -> {
            ColumnMapping mapping = null;
            if (!map.isEmpty()) {
                mapping = services.contactImports.preview(signedIn, path, read).suggestedMapping();
                for (Map.Entry<String, String> e : map.entrySet()) {
                    try {
                        mapping = mapping.with(ColumnMapping.Field.fromId(e.getKey()), e.getValue());
                    } catch (IllegalArgumentException ex) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                "--map " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
                    }
                }
            }
            return services.contactImports.importContacts(signedIn, path, read, mapping, options, progress);
        });
    }
}
