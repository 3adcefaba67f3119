package io.bouncedesk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an audit entry is about. The log stores it as a short English text (the log is append-only
 * and {@code export audit} writes it as stored); every service writes it through these factories,
 * so the console can read the kind and its values back and show the subject in the user's language.
 * A stored text of no known kind (a file name, an entry of an older version) is shown as written.
 */
public record AuditSubject(Kind kind, List<String> values) {

    /** The kinds, most specific first: the first whose template matches a stored text reads it. */
    public enum Kind {
        CONTACT_ADDRESS("contact {id} <{text}>"),
        CONTACT("contact {id}"),
        EMAIL("email {id} \"{text}\""),
        SEGMENT("segment \"{text}\""),
        MAILBOX("bounce mailbox {text}"),
        BOUNCE("bounce {id} of <{text}>"),
        USER("user {text}"),
        DOMAIN("domain {text}"),
        IP("ip {text}"),
        BOUNCE_MESSAGES_PATHS("bounce messages from {id} paths"),
        BOUNCE_MESSAGES("bounce messages from {text}"),
        PROVIDER_EVENTS("{text} events from {text}"),
        FILE("{text}");

        private final String template;
        private final Pattern pattern;

        Kind(String template) {
            this.template = template;
            this.pattern = compile(template);
        }

        private static Pattern compile(String template) {
            StringBuilder regex = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start())));
                // reluctant: two texts split at the first fit (a provider's name has no spaces)
                regex.append(m.group().equals("{id}") ? "(\\d+)" : "(.+?)");
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }

    /** The actions whose subject is the name of the file imported. */
    static final Set<String> FILE_ACTIONS = Set.of("IMPORT_CONTACTS", "IMPORT_GLOBAL_BOUNCES");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(id|text)}");

    public AuditSubject {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
    }

    public static AuditSubject contact(long id) {
        return new AuditSubject(Kind.CONTACT, List.of(Long.toString(id)));
    }

    public static AuditSubject contact(long id, String address) {
        return new AuditSubject(Kind.CONTACT_ADDRESS, List.of(Long.toString(id), address));
    }

    public static AuditSubject email(long id, String name) {
        return new AuditSubject(Kind.EMAIL, List.of(Long.toString(id), name));
    }

    public static AuditSubject segment(String name) {
        return new AuditSubject(Kind.SEGMENT, List.of(name));
    }

    public static AuditSubject mailbox(String account) {
        return new AuditSubject(Kind.MAILBOX, List.of(account));
    }

    public static AuditSubject bounce(long id, String address) {
        return new AuditSubject(Kind.BOUNCE, List.of(Long.toString(id), address));
    }

    public static AuditSubject user(String username) {
        return new AuditSubject(Kind.USER, List.of(username));
    }

    public static AuditSubject domain(String domain) {
        return new AuditSubject(Kind.DOMAIN, List.of(domain));
    }

    public static AuditSubject ip(String ip) {
        return new AuditSubject(Kind.IP, List.of(ip));
    }

    /** Bounce messages read from one file or folder, or from several. */
    public static AuditSubject bounceMessages(List<String> paths) {
        return paths.size() == 1 ? new AuditSubject(Kind.BOUNCE_MESSAGES, List.of(paths.get(0)))
                : new AuditSubject(Kind.BOUNCE_MESSAGES_PATHS, List.of(Integer.toString(paths.size())));
    }

    /** A provider's events file; {@code provider} is the format's name as the command line writes it. */
    public static AuditSubject providerEvents(String provider, String file) {
        return new AuditSubject(Kind.PROVIDER_EVENTS, List.of(provider, file));
    }

    public static AuditSubject file(String name) {
        return new AuditSubject(Kind.FILE, List.of(name));
    }

    /** The text the log stores. */
    public String text() {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(kind.template);
        int last = 0;
        int i = 0;
        while (m.find()) {
            out.append(kind.template, last, m.start()).append(values.get(i++));
            last = m.end();
        }
        return out.append(kind.template.substring(last)).toString();
    }

    /**
     * Reads a stored text back: a file's name for the imports of a file (whatever the name says),
     * else the first kind whose template it fits, else {@link Kind#FILE}; empty for no subject.
     */
    public static Optional<AuditSubject> parse(String action, String stored) {
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        if (FILE_ACTIONS.contains(action)) {
            return Optional.of(file(stored));
        }
        for (Kind kind : Kind.values()) {
            Matcher m = kind.pattern.matcher(stored);
            if (m.matches()) {
                List<String> values = new ArrayList<>(m.groupCount());
                for (int g = 1; g <= m.groupCount(); g++) {
                    values.add(m.group(g));
                }
                return Optional.of(new AuditSubject(kind, values));
            }
        }
        return Optional.empty(); // not reached: FILE matches any text
    }

    @Override
    public String toString() {
        return text();
    }
}
