package io.bouncedesk.persistence;

/** A workspace that cannot be opened, with a message meant for the person who tried. */
public class WorkspaceException extends RuntimeException {

    public enum Kind { NOT_A_WORKSPACE, NEWER_SCHEMA, LOCKED, UNREADABLE }

    private final Kind kind;

    public WorkspaceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
