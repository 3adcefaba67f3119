package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.service.UnbounceRefusedException;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.service.UnbounceService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "unbounce", mixinStandardHelpOptions = true,
        description = "Unbounces the contact that has ADDRESS. Exit 0 done; 3 refused, printing the rule.")
final class UnbounceCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @Option(names = "--confirm", description = "I confirm that this email address is correct.")
    boolean confirm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (user.name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--user=NAME'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Services services = workspace.open();
        try (var ws = services.workspace) {
            User signedIn = user.signIn(services);
            Optional<ContactRow> contact = services.contacts.findByAddress(address);
            if (contact.isEmpty()) {
                spec.commandLine().getErr().println("No contact has the address " + address + ".");
                return ExitCode.ERROR;
            }
            try {
                UnbounceService.Unbounced done = services.unbounce.unbounce(signedIn, contact.get().id(), confirm);
                out.printf("Unbounced %s (contact %d). Unbounces used in %s: %d of %d.%n", done.address(),
                        done.contactId(), done.quotaAfter().month(), done.quotaAfter().used(), done.quotaAfter().limit());
                return ExitCode.OK;
            } catch (UnbounceRefusedException e) {
                return refused(out, e.rule(), e.getMessage());
            }
        }
    }

    private static int refused(PrintWriter out, UnbounceRule rule, String sentence) {
        out.println(rule.name() + ": " + sentence);
        return ExitCode.REFUSED;
    }
}
