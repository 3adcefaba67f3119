package io.bouncedesk.cli;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.UserService;
import picocli.CommandLine.Option;

/** {@code --user NAME}: who does a change; the password comes from BOUNCEDESK_PASSWORD or the terminal. */
final class UserOption {

    @Option(names = "--user", paramLabel = "NAME", description = "User doing the change; password from "
            + Credentials.ENV + " or asked on the terminal.")
    String name;

    /** Signs in, or throws {@link UserService.BadCredentialsException}. */
    User signIn(Services services) {
        if (name == null) {
            throw new UserService.BadCredentialsException();
        }
        char[] password = Credentials.password(name);
        if (password == null) {
            throw new UserService.BadCredentialsException();
        }
        return services.users.authenticate(name, password);
    }
}
