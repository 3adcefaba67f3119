package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Builds a realistic demo workspace: contacts, users (admin, marketer, support; password 'demo'), "
                + "sending domains and marketing emails sent through the real rules.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--contacts", defaultValue = "5000", description = "Number of contacts (default: ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--emails", defaultValue = "12", description = "Number of marketing emails (default: ${DEFAULT-VALUE}).")
    int emails;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed builds the same workspace.")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (Workspace ws = workspace.openWorkspace();
             ConsoleProgress progress = new ConsoleProgress("demo", spec.commandLine().getErr())) {
            SettableClock clock = new SettableClock(Instant.now(), ZoneOffset.UTC);
            Services services = new Services(ws, clock, new SimulatedTransport(seed));
            services.demo().generate(new DemoDataGenerator.Plan(contacts, emails, seed), progress);
            var summary = services.reports.summary();
            spec.commandLine().getOut().printf("Demo workspace %s: %d contacts, %d emails, built in %.1f s%n",
                    ws.location(), summary.contacts(), emails, (System.nanoTime() - started) / 1e9);
        }
        return ExitCode.OK;
    }
}
