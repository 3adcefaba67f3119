package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raw SMTP session log as Postfix mails it to the postmaster ("Transcript of session follows.",
 * lines " In:  RCPT TO:&lt;addr&gt;" and " Out: 550 ..."). The recipients are the RCPT TO arguments;
 * the first reply of 400 or more is the error, and the command it answered is the failed command.
 */
final class SessionTranscript {

    private SessionTranscript() {
    }

    static boolean present(String text) {
        return text.contains("\n In:") && text.contains("\n Out:");
    }

    static List<RecipientFact> facts(String text) {
        List<RecipientFact> out = new ArrayList<>(1);
        String lastCommand = "";
        String errorCommand = "";
        String error = "";
        StringBuilder args = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("In:")) {
                String cmd = line.substring(3).strip();
                lastCommand = cmd.length() >= 4 ? cmd.substring(0, 4).toUpperCase(Locale.ROOT) : cmd;
                if (lastCommand.equals("RCPT")) {
                    String a = Addresses.first(cmd);
                    if (!a.isEmpty()) {
                        out.add(new RecipientFact(a));
                    }
                }
                args.setLength(0);
            } else if (line.startsWith("Out:")) {
                String reply = line.substring(4).strip();
                if (error.isEmpty() && reply.length() >= 3 && (reply.charAt(0) == '4' || reply.charAt(0) == '5')) {
                    error = reply;
                    errorCommand = lastCommand;
                }
            }
        }
        for (RecipientFact f : out) {
            f.diagnostic = error;
            f.command = errorCommand.equals("XFOR") ? "" : errorCommand;
        }
        return error.isEmpty() ? new ArrayList<>() : out;
    }
}
