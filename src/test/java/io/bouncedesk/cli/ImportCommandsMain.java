package io.bouncedesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A test-only root for the CSV import subcommands, run in its own JVM by {@link ImportCommandsTest}
 * so that BOUNCEDESK_PASSWORD and exit codes are real. It handles failures like
 * {@link CommandLineRunner}; the product registers the same classes under {@code import}.
 */
@Command(name = "import", subcommands = {ImportContactsCommand.class, ImportGlobalBouncesCommand.class})
final class ImportCommandsMain {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new ImportCommandsMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(CommandLineRunner.message(e));
            return CommandLineRunner.exitCode(e);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
