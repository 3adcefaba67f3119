package io.bouncedesk.cli;

import io.bouncedesk.bounce.BounceMessageParser;
import io.bouncedesk.bounce.MalformedBounceException;
import io.bouncedesk.bounce.MessageSource;
import io.bouncedesk.bounce.ParsedBounce;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classifies bounce messages (files, folders, mbox files) and prints one line per failed "
                + "recipient. Nothing is stored. A broken message is reported and the others go on.")
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|MBOX")
    List<Path> paths;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BounceMessageParser parser = new BounceMessageParser();
        int broken = 0;
        for (Path path : paths) {
            MessageSource source;
            try {
                source = MessageSource.of(path);
            } catch (IOException e) {
                err.println("Cannot read " + path + ": " + e.getMessage());
                return ExitCode.ERROR;
            }
            for (MessageSource.Entry entry : source) {
                try {
                    for (ParsedBounce b : parser.parse(entry.raw())) {
                        out.println(json ? Json.line(line(entry, b)) : String.format("%s #%d  %s  %s %s  %s %s",
                                entry.source(), entry.index() + 1, b.recipient(), b.type(), b.reason().code(),
                                b.enhancedStatus(), b.replyCode()));
                    }
                } catch (MalformedBounceException e) {
                    broken++;
                    err.println(entry.source() + " #" + (entry.index() + 1) + ": " + e.getMessage());
                }
            }
        }
        return broken == 0 ? ExitCode.OK : ExitCode.FILE_REJECTED;
    }

    private static Map<String, Object> line(MessageSource.Entry entry, ParsedBounce b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", entry.source());
        m.put("message", entry.index() + 1);
        m.put("recipient", b.recipient());
        m.put("reason", b.reason().code());
        m.put("category", b.category().name());
        m.put("hard", b.hard());
        m.put("status", b.enhancedStatus());
        m.put("replycode", b.replyCode());
        m.put("diagnostic", b.diagnostic());
        if (b.feedbackType() != null) {
            m.put("feedbacktype", b.feedbackType());
        }
        return m;
    }
}
