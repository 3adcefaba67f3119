package io.bouncedesk.service;

/**
 * Where bounce messages arrive: an IMAP mailbox. The password is kept in the workspace, like the
 * rest of the account's data, so that the console can check the mailbox on its own.
 */
public record MailboxSettings(String host, int port, boolean tls, String user, String password, String folder,
                              int checkEveryMinutes) {

    public MailboxSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The mailbox needs a host name.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 1 and 65535, not " + port + ".");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("The mailbox needs a user name.");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        if (checkEveryMinutes < 0) {
            throw new IllegalArgumentException("The check interval must not be negative.");
        }
    }
}
