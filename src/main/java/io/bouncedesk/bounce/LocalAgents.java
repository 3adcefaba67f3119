package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;


import static io.bouncedesk.domain.BounceReason.*;

/**
 * Errors of local delivery agents (mail.local, procmail, maildrop, Dovecot, vpopmail, vmailmgr)
 * quoted in a bounce: the agent's name tells how to read the rest; an agent error with no
 * known wording is a mailer error.
 */
final class LocalAgents {

    private record Agent(String[] markers, String[][] messages) {
    }

    private static final Agent[] AGENTS = {
        new Agent(new String[]{"your message to <", "> was automatically rejected:"}, new String[][]{
            {"mailboxfull", "not enough disk space", "quota exceeded"}, {"userunknown", "mailbox doesn't exist: "}}),
        new Agent(new String[]{"mail.local: "}, new String[][]{
            {"mailboxfull", "disc quota exceeded", "mailbox full or quota exceeded"},
            {"systemerror", "temporary file write error"},
            {"userunknown", ": invalid mailbox path", ": unknown user:", ": user missing home directory", ": user unknown"}}),
        new Agent(new String[]{"procmail: ", "/procmail "}, new String[][]{
            {"mailboxfull", "quota exceeded while writing", "user over quota"}, {"systemerror", "service unavailable"},
            {"systemfull", "no space left to finish writing"}}),
        new Agent(new String[]{"maildrop: "}, new String[][]{
            {"mailboxfull", "maildir over quota."}, {"userunknown", "cannot find system user", "invalid user specified."}}),
        new Agent(new String[]{"vdelivermail: "}, new String[][]{
            {"filtered", "user does not exist, but will deliver to "}, {"mailboxfull", "domain is over quota", "user is over quota"},
            {"suspend", "account is locked email bounced"}, {"userunknown", "sorry, no mailbox here by that name."}}),
        new Agent(new String[]{"vdeliver: "}, new String[][]{
            {"mailboxfull", "delivery failed due to system quota violation"},
            {"userunknown", "invalid or unknown base user or domain", "invalid or unknown virtual user",
                "user name does not refer to a virtual user"}}),
    };

    private LocalAgents() {
    }

    static BounceReason reasonOf(RecipientFact f) {
        if (f.diagnostic.isEmpty() || !(f.command.isEmpty() || f.command.equals("DATA"))) {
            return null;
        }
        String lower = f.diagnosticLower();
        for (Agent a : AGENTS) {
            boolean hit = false;
            for (String m : a.markers) {
                if (lower.contains(m)) {
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                continue;
            }
            for (String[] msg : a.messages) {
                for (int i = 1; i < msg.length; i++) {
                    if (lower.contains(msg[i])) {
                        return BounceReason.fromCode(msg[0]);
                    }
                }
            }
            return MAILERERROR;
        }
        return null;
    }
}
