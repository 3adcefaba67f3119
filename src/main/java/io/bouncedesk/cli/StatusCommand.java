package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.ContactStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Contacts per status, the billable count and this month's unbounce quota.")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Services services = workspace.open();
        try (var ws = services.workspace) {
            var s = services.reports.summary();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> byStatus = new LinkedHashMap<>();
                for (ContactStatus status : new ContactStatus[] {ContactStatus.ACTIVE, ContactStatus.UNSUBSCRIBED,
                        ContactStatus.BOUNCED, ContactStatus.SPAM_COMPLAINT, ContactStatus.UNCONFIRMED}) {
                    byStatus.put(status.name(), s.byStatus().get(status));
                }
                Map<String, Object> quota = new LinkedHashMap<>();
                quota.put("month", s.quota().month());
                quota.put("limit", s.quota().limit());
                quota.put("used", s.quota().used());
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("contacts", s.contacts());
                root.put("byStatus", byStatus);
                root.put("billable", s.billable());
                root.put("quota", quota);
                out.println(Json.line(root));
            } else {
                out.printf("Workspace %s%n", ws.location());
                out.printf("Contacts: %d (billable: %d)%n", s.contacts(), s.billable());
                s.byStatus().forEach((status, n) -> out.printf("  %-15s %d%n", status, n));
                out.printf("Unbounces in %s: %d of %d used%n", s.quota().month(), s.quota().used(), s.quota().limit());
            }
        }
        return ExitCode.OK;
    }
}
