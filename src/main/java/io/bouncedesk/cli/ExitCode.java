package io.bouncedesk.cli;

/** The command line's exit codes; scripts rely on them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int FILE_REJECTED = 4;
    public static final int CANCELLED = 130;

    private ExitCode() {
    }
}
