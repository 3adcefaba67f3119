package io.bouncedesk.cli;

import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;

/**
 * The actor of commands that run without {@code --user}: whoever holds the workspace file. It is
 * recorded as 'cli' in the audit log; commands that must check a person's role ask for --user.
 */
final class CliUser {

    static final User COMMAND_LINE = new User(0, "cli", "Command line", Role.MARKETING_EMAIL);

    private CliUser() {
    }
}
