package io.bouncedesk.persistence;

/** A workspace that cannot be opened, with a message meant for the person who tried. */
public class WorkspaceException extends RuntimeException {

    public enum Kind {
        NOT_A_WORKSPACE, NEWER_SCHEMA, LOCKED, UNREADABLE,
        /** A team workspace's server refused the user name or password, or the role lacks a privilege. */
        ACCESS_DENIED,
        /** A team workspace's server could not be reached. */
        UNREACHABLE
    }

    private final Kind kind;

    public WorkspaceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
