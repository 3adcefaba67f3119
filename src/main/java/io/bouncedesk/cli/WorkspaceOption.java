package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.persistence.WorkspaceLocation;
import io.bouncedesk.service.SimulatedTransport;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;

/** {@code --workspace FILE}, shared by every command; defaults to the user's data directory. */
public final class WorkspaceOption {

    @CommandLine.Option(names = {"-w", "--workspace"}, paramLabel = "FILE",
            description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path file = WorkspaceLocation.defaultFile();

    public Path file() {
        return file;
    }

    /** Opens the workspace and builds its services on the system clock. */
    public Services open() {
        Workspace workspace = Workspace.open(file);
        return new Services(workspace, Clock.systemUTC(), new SimulatedTransport(Services.transportSeed(workspace)));
    }
}
