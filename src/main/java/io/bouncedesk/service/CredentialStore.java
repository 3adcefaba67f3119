package io.bouncedesk.service;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.util.Optional;

/**
 * Where a console keeps the passwords of team workspaces: the operating system's credential store
 * (macOS Keychain, Windows Credential Manager, the Secret Service of GNOME or KDE), never a file of
 * BounceDesk's. Where no store is reachable (a server without a desktop session), passwords are
 * asked for each time.
 */
public interface CredentialStore {

    String SERVICE = "BounceDesk team workspace";

    /** True when passwords can be remembered on this computer. */
    boolean available();

    Optional<char[]> password(String jdbcUrl, String user);

    /** Remembers the password; false when the store refused it. */
    boolean save(String jdbcUrl, String user, char[] password);

    void forget(String jdbcUrl, String user);

    /** The account name a password is filed under: the database user at the workspace's URL. */
    static String account(String jdbcUrl, String user) {
        return user + " @ " + jdbcUrl;
    }

    /** The operating system's store, or one that remembers nothing when there is none. */
    static CredentialStore system() {
        try {
            return new SystemStore(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return NONE;
        }
    }

    /** Remembers nothing: every connection asks for its password. */
    CredentialStore NONE = new CredentialStore() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<char[]> password(String jdbcUrl, String user) {
            return Optional.empty();
        }

        @Override
        public boolean save(String jdbcUrl, String user, char[] password) {
            return false;
        }

        @Override
        public void forget(String jdbcUrl, String user) {
        }
    };

    /** java-keyring over the platform's own store. */
    final class SystemStore implements CredentialStore {
        private final Keyring keyring;

        SystemStore(Keyring keyring) {
            this.keyring = keyring;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<char[]> password(String jdbcUrl, String user) {
            try {
                String p = keyring.getPassword(SERVICE, account(jdbcUrl, user));
                return p == null ? Optional.empty() : Optional.of(p.toCharArray());
            } catch (PasswordAccessException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean save(String jdbcUrl, String user, char[] password) {
            try {
                keyring.setPassword(SERVICE, account(jdbcUrl, user), new String(password));
                return true;
            } catch (PasswordAccessException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public void forget(String jdbcUrl, String user) {
            try {
                keyring.deletePassword(SERVICE, account(jdbcUrl, user));
            } catch (PasswordAccessException | RuntimeException e) {
                // nothing remembered, nothing to forget
            }
        }
    }
}
