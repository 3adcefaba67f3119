package io.bouncedesk.service;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.UserDao;
import io.bouncedesk.persistence.UserRow;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sign-in and user management (domain rules, section 11). */
public final class UserService {

    /** Wrong user name or password; deliberately does not say which. */
    public static class BadCredentialsException extends RuntimeException {
        public BadCredentialsException() {
            super("Unknown user or wrong password.");
        }
    }

    private final Jdbi jdbi;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final AuditLogger audit;
    private final Clock clock;

    public UserService(Jdbi jdbi, UserDao users, PasswordHasher hasher, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public User authenticate(String username, char[] password) {
        Optional<UserRow> row = jdbi.withHandle(h -> users.findByUsername(h, username == null ? "" : username.strip()));
        if (row.isEmpty() || row.get().disabled() || !hasher.verify(password, row.get().passwordHash())) {
            throw new BadCredentialsException();
        }
        return toUser(row.get());
    }

    public boolean hasUsers() {
        return jdbi.withHandle(h -> users.count(h) > 0);
    }

    public List<User> list() {
        return jdbi.withHandle(h -> users.list(h).stream().map(UserService::toUser).toList());
    }

    /** The first Super admin of a new, empty workspace; refused once any user exists. */
    public User createFirstAdmin(String username, String displayName, char[] password) {
        return jdbi.inTransaction(h -> {
            if (users.count(h) > 0) {
                throw new IllegalStateException("This workspace already has users; sign in as a Super admin to add more.");
            }
            return insert(h, "system", username, displayName, Role.SUPER_ADMIN, password);
        });
    }

    public User create(User actor, String username, String displayName, Role role, char[] password) {
        PermissionDeniedException.check(actor, Permission.MANAGE_USERS);
        return jdbi.inTransaction(h -> insert(h, actor.username(), username, displayName, role, password));
    }

    private User insert(org.jdbi.v3.core.Handle h, String actor, String username, String displayName, Role role, char[] password) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("A user name has 2 to 64 letters, digits, '.', '_', '-' or '@'.");
        }
        if (password == null || password.length < 4) {
            throw new IllegalArgumentException("A password needs at least 4 characters.");
        }
        if (users.findByUsername(h, name).isPresent()) {
            throw new IllegalArgumentException("User '" + name + "' already exists.");
        }
        long id = users.insert(h, name, displayName == null || displayName.isBlank() ? name : displayName.strip(), role,
                hasher.hash(password), clock.instant());
        audit.record(h, actor, "USER_CREATED", AuditSubject.user(name), null, Map.of("role", role.name()));
        return new User(id, name, displayName, role);
    }

    static User toUser(UserRow r) {
        return new User(r.id(), r.username(), r.displayName(), r.role());
    }
}
