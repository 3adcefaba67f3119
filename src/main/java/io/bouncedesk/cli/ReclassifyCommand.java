package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.BounceRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "reclassify", mixinStandardHelpOptions = true,
        description = "Corrects a bounce's reason and type with a comment; the address's state follows.")
final class ReclassifyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @Parameters(index = "0", paramLabel = "BOUNCE_ID")
    long bounceId;

    @Option(names = "--reason", required = true, description = "The reason, e.g. securityerror, userunknown.")
    String reason;

    @Option(names = "--type", required = true, description = "hard or soft.")
    BounceType type;

    @Option(names = "--comment", required = true, description = "Why the classification is corrected.")
    String comment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BounceReason r = BounceReason.fromCode(reason);
        if (r == BounceReason.UNDEFINED && !"undefined".equalsIgnoreCase(reason.strip())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown reason '" + reason + "'.");
        }
        var out = spec.commandLine().getOut();
        Services services = workspace.open();
        try (var ws = services.workspace) {
            User signedIn = user.signIn(services);
            BounceRow b = services.reclassify.reclassify(signedIn, bounceId, r, type, comment);
            out.printf("Bounce %d of %s is now %s %s.%n", b.id(), b.address(), b.type(), b.reason().code());
        }
        return ExitCode.OK;
    }
}
