package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.service.ContactDetails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "contact", mixinStandardHelpOptions = true,
        description = "Shows the contact that has ADDRESS, its status and its address's hard bounce.")
final class ContactCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Services services = workspace.open();
        try (var ws = services.workspace) {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ContactRow> found = services.contacts.findByAddress(address);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("No contact has the address " + address + ".");
                return ExitCode.ERROR;
            }
            ContactDetails d = services.contacts.details(found.get().id());
            Map<String, Object> m = ContactJson.contact(d.contact());
            m.put("hardBounce", d.hardBounce().map(ContactJson::bounce).orElse(null));
            m.put("globalBounceReason", d.globalBounce().map(g -> g.reason().code()).orElse(null));
            m.put("unbouncedBefore", d.unbouncedBefore());
            m.put("eligible", d.eligible());
            m.put("notSentReason", d.suppressedBecause().map(Enum::name).orElse(null));
            if (json) {
                out.println(Json.line(m));
            } else {
                m.forEach((k, v) -> out.printf("%-20s %s%n", k, v));
            }
        }
        return ExitCode.OK;
    }
}
