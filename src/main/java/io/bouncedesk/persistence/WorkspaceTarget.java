package io.bouncedesk.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a workspace lives: a SQLite file on this computer, or a team workspace in PostgreSQL named
 * by a JDBC URL ({@code jdbc:postgresql://host:5432/bouncedesk}).
 */
public record WorkspaceTarget(Path file, String jdbcUrl) {

    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    public WorkspaceTarget {
        if ((file == null) == (jdbcUrl == null)) {
            throw new IllegalArgumentException("a workspace is either a file or a JDBC URL");
        }
    }

    public static WorkspaceTarget file(Path file) {
        return new WorkspaceTarget(file, null);
    }

    /** A team workspace; only PostgreSQL URLs are accepted. */
    public static WorkspaceTarget team(String jdbcUrl) {
        String url = jdbcUrl.strip();
        if (!isTeamUrl(url)) {
            throw new IllegalArgumentException("A team workspace is a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://db.example.com:5432/bouncedesk, not \"" + jdbcUrl + "\".");
        }
        return new WorkspaceTarget(null, url);
    }

    /** A command line's or a dialog's text: a JDBC URL names a team workspace, anything else a file. */
    public static WorkspaceTarget parse(String text) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return team(t);
        }
        return file(Path.of(t));
    }

    public static boolean isTeamUrl(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith(POSTGRES_PREFIX)
                && text.strip().length() > POSTGRES_PREFIX.length();
    }

    public boolean team() {
        return jdbcUrl != null;
    }

    /** The target as people read it; a password written into the URL is never shown. */
    public String display() {
        return team() ? PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***") : file.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
