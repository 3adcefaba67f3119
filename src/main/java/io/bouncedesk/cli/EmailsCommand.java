package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.service.EmailSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "emails", mixinStandardHelpOptions = true,
        description = "Lists the marketing emails with the count of every Recipients tab, newest first.")
final class EmailsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only emails whose name or subject contains TEXT.")
    String search;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Services services = workspace.open();
        try (var ws = services.workspace) {
            PrintWriter out = spec.commandLine().getOut();
            for (EmailSummary e : services.reports.emails(search)) {
                var c = e.counts();
                if (!json) {
                    out.printf("%-5d %-30s %s  sent %d, delivered %d, bounced %d, not sent %d%n", e.email().id(),
                            e.email().name(), e.email().sentAt(), c.sent(), c.delivered(), c.bounced(), c.notSent());
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.email().id());
                m.put("name", e.email().name());
                m.put("subject", e.email().subject());
                m.put("sentAt", Json.time(e.email().sentAt()));
                m.put("sent", c.sent());
                m.put("delivered", c.delivered());
                m.put("opened", c.opened());
                m.put("clicked", c.clicked());
                m.put("bounced", c.bounced());
                m.put("pending", c.pending());
                m.put("unsubscribed", c.unsubscribed());
                m.put("spam", c.spam());
                m.put("notsent", c.notSent());
                m.put("hardBounceRate", e.health().hardBounceRate());
                m.put("spamReportRate", e.health().spamReportRate());
                out.println(Json.line(m));
            }
        }
        return ExitCode.OK;
    }
}
