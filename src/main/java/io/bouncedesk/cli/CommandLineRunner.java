package io.bouncedesk.cli;

import io.bouncedesk.persistence.WorkspaceException;
import io.bouncedesk.service.CancelledException;
import io.bouncedesk.service.NotFoundException;
import io.bouncedesk.service.PermissionDeniedException;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.service.UserService;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Runs the command line with clear one-line messages (no stack traces) for the failures people meet. */
public final class CommandLineRunner {

    private CommandLineRunner() {
    }

    /**
     * @param extraCommands commands that live above the command line's layer (the benchmark drives the UI's
     *                      view model), added by the application
     */
    public static int run(String[] args, BounceDeskCommand.ConsoleLauncher launcher, PrintWriter out, PrintWriter err,
                          Object... extraCommands) {
        CommandLine cli = new CommandLine(new BounceDeskCommand(launcher));
        for (Object command : extraCommands) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserService.BadCredentialsException) {
                // a refusal like any rule's: on standard output, named, exit 3
                commandLine.getOut().println(UnbounceRule.BAD_CREDENTIALS.name() + ": " + e.getMessage());
                commandLine.getOut().flush();
                return ExitCode.REFUSED;
            }
            commandLine.getErr().println(message(e));
            commandLine.getErr().flush();
            return exitCode(e);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String message(Exception e) {
        if (e instanceof CancelledException) {
            return "Cancelled; nothing was changed.";
        }
        if (e instanceof WorkspaceException || e instanceof NotFoundException || e instanceof PermissionDeniedException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "Error: " + e;
    }

    static int exitCode(Exception e) {
        if (e instanceof CancelledException) {
            return ExitCode.CANCELLED;
        }
        if (e instanceof PermissionDeniedException) {
            return ExitCode.REFUSED;
        }
        return ExitCode.ERROR;
    }
}
