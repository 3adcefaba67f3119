package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.SendingDomainRow;
import io.bouncedesk.persistence.SendingSetupDao;
import io.bouncedesk.persistence.UserDao;
import io.bouncedesk.persistence.UserRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workspace settings people manage: sending domains and their authentication state, sending IP
 * addresses (used by the copy-for-IT text), and users (Super admin only). Nobody can remove,
 * disable or demote the last active Super admin.
 */
public final class SettingsService {

    private static final Set<String> AUTH_STATES = Set.of("PASS", "FAIL", "MISSING", "UNKNOWN");

    private final Jdbi jdbi;
    private final SendingSetupDao sending;
    private final UserDao users;
    private final PasswordHasher hasher;
    private final AuditLogger audit;

    public SettingsService(Jdbi jdbi, SendingSetupDao sending, UserDao users, PasswordHasher hasher, AuditLogger audit) {
        this.jdbi = jdbi;
        this.sending = sending;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
    }

    public List<SendingDomainRow> domains() {
        return jdbi.withHandle(sending::domains);
    }

    public List<String> ips() {
        return jdbi.withHandle(sending::ips);
    }

    public void addDomain(User user, String domain, boolean connected, String spf, String dkim, String dmarc) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        String d = EmailAddress.of("x@" + (domain == null ? "" : domain.strip())).domain();
        if (!EmailAddress.of("x@" + d).valid()) {
            throw new IllegalArgumentException("'" + domain + "' is not a domain name.");
        }
        jdbi.useTransaction(h -> {
            if (sending.domains(h).stream().anyMatch(r -> r.domain().equals(d))) {
                throw new IllegalArgumentException("The domain " + d + " is already a sending domain.");
            }
            sending.addDomain(h, d, connected, auth(spf), auth(dkim), auth(dmarc));
            audit.record(h, user.username(), "SENDING_DOMAIN_ADDED", AuditSubject.domain(d), null,
                    AuditLogger.fields("connected", connected, "spf", auth(spf), "dkim", auth(dkim), "dmarc", auth(dmarc)));
        });
    }

    public void updateDomain(User user, String domain, boolean connected, String spf, String dkim, String dmarc) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        jdbi.useTransaction(h -> {
            SendingDomainRow before = domain(h, domain);
            h.createUpdate("UPDATE sending_domain SET connected = :c, spf = :spf, dkim = :dkim, dmarc = :dmarc WHERE id = :id")
                    .bind("c", connected).bind("spf", auth(spf)).bind("dkim", auth(dkim)).bind("dmarc", auth(dmarc))
                    .bind("id", before.id()).execute();
            audit.record(h, user.username(), "SENDING_DOMAIN_CHANGED", AuditSubject.domain(before.domain()),
                    AuditLogger.fields("connected", before.connected(), "spf", before.spf(), "dkim", before.dkim(),
                            "dmarc", before.dmarc()),
                    AuditLogger.fields("connected", connected, "spf", auth(spf), "dkim", auth(dkim), "dmarc", auth(dmarc)));
        });
    }

    public void removeDomain(User user, String domain) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        jdbi.useTransaction(h -> {
            SendingDomainRow before = domain(h, domain);
            h.createUpdate("DELETE FROM sending_domain WHERE id = :id").bind("id", before.id()).execute();
            audit.record(h, user.username(), "SENDING_DOMAIN_REMOVED", AuditSubject.domain(before.domain()),
                    Map.of("connected", before.connected()), null);
        });
    }

    public void addIp(User user, String ip, String label) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        String v = ip == null ? "" : ip.strip();
        if (!isAddressLiteral(v)) {
            throw new IllegalArgumentException("'" + ip + "' is not an IP address.");
        }
        jdbi.useTransaction(h -> {
            if (sending.ips(h).contains(v)) {
                throw new IllegalArgumentException(v + " is already a sending IP address.");
            }
            sending.addIp(h, v, label == null ? "" : label.strip());
            audit.record(h, user.username(), "SENDING_IP_ADDED", AuditSubject.ip(v), null,
                    Map.of("label", label == null ? "" : label));
        });
    }

    public void removeIp(User user, String ip) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("DELETE FROM sending_ip WHERE ip = :ip").bind("ip", ip).execute();
            if (n == 0) {
                throw new NotFoundException("No sending IP address " + ip + ".");
            }
            audit.record(h, user.username(), "SENDING_IP_REMOVED", AuditSubject.ip(ip), Map.of("ip", ip), null);
        });
    }

    /** The user names that are disabled (they cannot sign in). */
    public java.util.Set<String> disabledUsernames() {
        return jdbi.withHandle(h -> users.list(h).stream().filter(UserRow::disabled).map(UserRow::username)
                .collect(java.util.stream.Collectors.toSet()));
    }

    public void changeRole(User actor, String username, Role role) {
        PermissionDeniedException.check(actor, Permission.MANAGE_USERS);
        jdbi.useTransaction(h -> {
            UserRow before = user(h, username);
            if (before.role() == Role.SUPER_ADMIN && role != Role.SUPER_ADMIN) {
                requireAnotherSuperAdmin(h, before);
            }
            h.createUpdate("UPDATE app_user SET role = :r WHERE id = :id").bind("r", role.name()).bind("id", before.id()).execute();
            audit.record(h, actor.username(), "USER_ROLE_CHANGED", AuditSubject.user(username),
                    Map.of("role", before.role().name()),
                    Map.of("role", role.name()));
        });
    }

    public void setDisabled(User actor, String username, boolean disabled) {
        PermissionDeniedException.check(actor, Permission.MANAGE_USERS);
        jdbi.useTransaction(h -> {
            UserRow before = user(h, username);
            if (disabled && before.role() == Role.SUPER_ADMIN) {
                requireAnotherSuperAdmin(h, before);
            }
            h.createUpdate("UPDATE app_user SET disabled = :d WHERE id = :id").bind("d", disabled).bind("id", before.id()).execute();
            audit.record(h, actor.username(), disabled ? "USER_DISABLED" : "USER_ENABLED", AuditSubject.user(username),
                    Map.of("disabled", before.disabled()), Map.of("disabled", disabled));
        });
    }

    public void resetPassword(User actor, String username, char[] password) {
        PermissionDeniedException.check(actor, Permission.MANAGE_USERS);
        if (password == null || password.length < 4) {
            throw new IllegalArgumentException("A password needs at least 4 characters.");
        }
        jdbi.useTransaction(h -> {
            UserRow before = user(h, username);
            h.createUpdate("UPDATE app_user SET password_hash = :p WHERE id = :id").bind("p", hasher.hash(password))
                    .bind("id", before.id()).execute();
            audit.record(h, actor.username(), "USER_PASSWORD_RESET", AuditSubject.user(username), null,
                    Map.of("password", "changed"));
        });
    }

    public void removeUser(User actor, String username) {
        PermissionDeniedException.check(actor, Permission.MANAGE_USERS);
        jdbi.useTransaction(h -> {
            UserRow before = user(h, username);
            if (before.role() == Role.SUPER_ADMIN) {
                requireAnotherSuperAdmin(h, before);
            }
            h.createUpdate("DELETE FROM app_user WHERE id = :id").bind("id", before.id()).execute();
            audit.record(h, actor.username(), "USER_REMOVED", AuditSubject.user(username),
                    Map.of("role", before.role().name()), null);
        });
    }

    private void requireAnotherSuperAdmin(Handle h, UserRow leaving) {
        long others = users.list(h).stream().filter(u -> u.role() == Role.SUPER_ADMIN && !u.disabled()
                && u.id() != leaving.id()).count();
        if (others == 0) {
            throw new IllegalStateException("'" + leaving.username() + "' is the last Super admin; make another user "
                    + "Super admin first.");
        }
    }

    private UserRow user(Handle h, String username) {
        return users.findByUsername(h, username).orElseThrow(() -> new NotFoundException("No user '" + username + "'."));
    }

    private SendingDomainRow domain(Handle h, String domain) {
        String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        return sending.domains(h).stream().filter(r -> r.domain().equals(d)).findFirst()
                .orElseThrow(() -> new NotFoundException("No sending domain " + domain + "."));
    }

    private static String auth(String state) {
        String s = state == null || state.isBlank() ? "UNKNOWN" : state.strip().toUpperCase(Locale.ROOT);
        if (!AUTH_STATES.contains(s)) {
            throw new IllegalArgumentException("An SPF, DKIM or DMARC state is PASS, FAIL, MISSING or UNKNOWN, not '" + state + "'.");
        }
        return s;
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    static boolean isAddressLiteral(String v) {
        if (IPV4.matcher(v).matches()) {
            return true;
        }
        if (!v.contains(":") || !v.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(v); // with a colon it is parsed as an IPv6 literal, never looked up
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
