package io.bouncedesk.cli;

import java.io.Console;

/** The password of {@code --user}: from BOUNCEDESK_PASSWORD, else asked on the terminal. */
final class Credentials {

    static final String ENV = "BOUNCEDESK_PASSWORD";

    private Credentials() {
    }

    /** Null when there is neither the variable nor a terminal to ask on. */
    static char[] password(String user) {
        String env = System.getenv(ENV);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return console.readPassword("Password for %s: ", user);
    }
}
