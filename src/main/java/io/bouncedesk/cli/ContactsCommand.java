package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "contacts", mixinStandardHelpOptions = true, description = "Lists contacts, one per line.")
final class ContactsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only this status: ${COMPLETION-CANDIDATES}.")
    ContactStatus status;

    @Option(names = "--global", description = "Only contacts whose address bounced globally.")
    boolean global;

    @Option(names = "--bounce-reason-known", description = "Only contacts with a known hard bounce reason.")
    boolean reasonKnown;

    @Option(names = "--search", paramLabel = "TEXT", description = "Address or name starting with TEXT.")
    String search;

    @Option(names = "--limit", defaultValue = "1000", description = "At most N contacts (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        Services services = workspace.open();
        try (var ws = services.workspace) {
            ContactFilter filter = new ContactFilter(search, status, reasonKnown, null, global);
            PrintWriter out = spec.commandLine().getOut();
            long after = 0;
            int printed = 0;
            while (printed < limit) {
                List<ContactRow> page = services.contacts.list(filter, after, Math.min(1000, limit - printed));
                if (page.isEmpty()) {
                    break;
                }
                for (ContactRow c : page) {
                    out.println(json ? Json.line(ContactJson.contact(c))
                            : String.format("%-8d %-40s %-16s %s", c.id(), c.address().address(), c.status(), c.displayName()));
                }
                printed += page.size();
                after = page.get(page.size() - 1).id();
            }
        }
        return ExitCode.OK;
    }
}
