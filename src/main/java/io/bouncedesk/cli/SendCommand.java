package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.Audience;
import io.bouncedesk.service.EmailDraft;
import io.bouncedesk.service.SendReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Sends a marketing email through the simulated transport and prints the count per outcome. "
                + "Due retries of earlier emails run first.")
final class SendCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @CommandLine.Mixin
    UserOption user;

    @Option(names = "--name", required = true, description = "Internal name of the email.")
    String name;

    @Option(names = "--subject", required = true)
    String subject;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "From address; its domain is the sending domain.")
    String from;

    @Option(names = "--from-name", description = "From name (default: the From address's domain).")
    String fromName;

    @Option(names = "--to", required = true, paramLabel = "all", description = "Audience: 'all' contacts.")
    String to;

    @Option(names = "--json", description = "Print the counts as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!"all".equals(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to takes 'all'");
        }
        EmailDraft draft;
        try {
            draft = new EmailDraft(name, subject, fromName != null ? fromName : from.substring(from.indexOf('@') + 1), from);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Services services = workspace.open();
        try (var ws = services.workspace;
             ConsoleProgress progress = new ConsoleProgress("send", spec.commandLine().getErr())) {
            // Without --user the send runs as the command line itself, recorded as 'cli' in the audit log.
            User sender = user.name == null ? CliUser.COMMAND_LINE
                    : user.signIn(services);
            services.retries.processDue(services.clock.instant());
            SendReport report = services.sendPlanner.send(sender, draft, Audience.all(), progress);
            var c = report.counts();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("emailId", report.emailId());
            m.put("sent", c.sent());
            m.put("delivered", c.delivered());
            m.put("bounced", c.bounced());
            m.put("hardBounced", c.hardBounced());
            m.put("softBounced", c.softBounced());
            m.put("pending", c.pending());
            m.put("notSent", c.notSent());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(m));
            } else {
                m.forEach((k, v) -> out.printf("%-12s %s%n", k, v));
            }
        }
        return ExitCode.OK;
    }
}
