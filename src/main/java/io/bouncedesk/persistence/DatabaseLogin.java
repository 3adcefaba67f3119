package io.bouncedesk.persistence;

/**
 * The database role a console signs in to a team workspace with. The password is held as
 * characters so it can be cleared, and is never written to a file by BounceDesk.
 */
public record DatabaseLogin(String user, char[] password) {

    public DatabaseLogin {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a database user name is required");
        }
    }

    @Override
    public String toString() {
        return "DatabaseLogin[" + user + "]";
    }
}
