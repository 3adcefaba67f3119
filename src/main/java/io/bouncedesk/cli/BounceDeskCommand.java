package io.bouncedesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code bouncedesk}: with no command it opens the console; with a command it runs headless.
 * The commands are a stable interface: scripts and tests rely on their options and exit codes.
 */
@Command(name = "bouncedesk", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Bounce and suppression console for marketing-email accounts.",
        subcommands = {DemoCommand.class, StatusCommand.class, ContactsCommand.class, ContactCommand.class,
                SendCommand.class, UnbounceCommand.class, EmailsCommand.class, ExportCommand.class,
                ImportCommand.class, ClassifyCommand.class, ReclassifyCommand.class})
public final class BounceDeskCommand implements Callable<Integer> {

    /** Opens the console; supplied by the app so the command line does not depend on the UI. */
    public interface ConsoleLauncher {
        void launch(io.bouncedesk.persistence.WorkspaceTarget workspace);
    }

    @CommandLine.Mixin
    WorkspaceOption workspace;

    private final ConsoleLauncher launcher;

    public BounceDeskCommand(ConsoleLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        launcher.launch(workspace.target());
        return ExitCode.OK;
    }
}
