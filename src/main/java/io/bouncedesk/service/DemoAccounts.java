package io.bouncedesk.service;

import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo accounts a demo workspace shows on its sign-in screen. An account is listed only while
 * it still signs in with the published demo password, so a workspace whose passwords were changed
 * (or any real workspace) lists nothing.
 */
public final class DemoAccounts {

    /** A demo account; its password is {@link DemoDataGenerator#DEMO_PASSWORD}. */
    public record Account(String username, String displayName, Role role) {
    }

    private static final Set<String> DEMO_USERS = Set.of("admin", "marketer", "support");

    private final UserService users;

    public DemoAccounts(UserService users) {
        this.users = users;
    }

    /** Slow (one password check per candidate): call it off the UI thread. */
    public List<Account> list() {
        List<Account> accounts = new ArrayList<>();
        for (User u : users.list()) {
            if (DEMO_USERS.contains(u.username()) && signsInWithDemoPassword(u.username())) {
                accounts.add(new Account(u.username(), u.displayName(), u.role()));
            }
        }
        accounts.sort((a, b) -> b.role().compareTo(a.role()));
        return accounts;
    }

    public String password() {
        return DemoDataGenerator.DEMO_PASSWORD;
    }

    private boolean signsInWithDemoPassword(String username) {
        try {
            users.authenticate(username, DemoDataGenerator.DEMO_PASSWORD.toCharArray());
            return true;
        } catch (UserService.BadCredentialsException e) {
            return false;
        }
    }
}
