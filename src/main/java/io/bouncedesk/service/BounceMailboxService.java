package io.bouncedesk.service;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.SettingsDao;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The IMAP bounce mailbox: on demand (and every few minutes while the console runs) new bounce
 * messages are recorded and moved to a "Processed" folder; messages that are not bounces (a
 * person's reply) stay where they are, unread, because they are read with PEEK.
 */
public final class BounceMailboxService {

    public static final String PROCESSED = "Processed";
    private static final String PREFIX = "imap.";

    /** What one check did. */
    public record CheckResult(int recorded, int duplicates, int notBounces, int broken, java.util.List<String> problems) {
    }

    private final Jdbi jdbi;
    private final SettingsDao settings;
    private final BounceMessageImportService imports;
    private final AuditLogger audit;

    public BounceMailboxService(Jdbi jdbi, SettingsDao settings, BounceMessageImportService imports, AuditLogger audit) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.imports = imports;
        this.audit = audit;
    }

    public Optional<MailboxSettings> settings() {
        return jdbi.withHandle(h -> settings.get(h, PREFIX + "host").map(host -> new MailboxSettings(host,
                Integer.parseInt(settings.get(h, PREFIX + "port").orElse("993")),
                Boolean.parseBoolean(settings.get(h, PREFIX + "tls").orElse("true")),
                settings.get(h, PREFIX + "user").orElse(""), settings.get(h, PREFIX + "password").orElse(""),
                settings.get(h, PREFIX + "folder").orElse("INBOX"),
                Integer.parseInt(settings.get(h, PREFIX + "every").orElse("10")))));
    }

    public void save(User user, MailboxSettings s) {
        PermissionDeniedException.check(user, Permission.MANAGE_SENDING_DOMAINS);
        jdbi.useTransaction(h -> {
            settings.put(h, PREFIX + "host", s.host().strip());
            settings.put(h, PREFIX + "port", Integer.toString(s.port()));
            settings.put(h, PREFIX + "tls", Boolean.toString(s.tls()));
            settings.put(h, PREFIX + "user", s.user().strip());
            settings.put(h, PREFIX + "password", s.password() == null ? "" : s.password());
            settings.put(h, PREFIX + "folder", s.folder());
            settings.put(h, PREFIX + "every", Integer.toString(s.checkEveryMinutes()));
            audit.record(h, user.username(), "MAILBOX_CONFIGURED", AuditSubject.mailbox(s.user() + "@" + s.host()),
                    null, AuditLogger.fields("host", s.host(), "port", s.port(), "tls", s.tls(), "folder", s.folder(),
                            "every", s.checkEveryMinutes()));
        });
    }

    /** Checks the configured mailbox now. */
    public CheckResult check(User user, Progress progress) {
        PermissionDeniedException.check(user, Permission.IMPORT);
        MailboxSettings s = settings().orElseThrow(() ->
                new IllegalStateException("No bounce mailbox is set up; add one in Settings."));
        Properties props = new Properties();
        String protocol = s.tls() ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".peek", "true");
        props.put("mail." + protocol + ".connectiontimeout", "15000");
        props.put("mail." + protocol + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int recorded = 0;
        int duplicates = 0;
        int notBounces = 0;
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (Store store = session.getStore(protocol)) {
            store.connect(s.host(), s.port(), s.user(), s.password());
            Folder inbox = store.getFolder(s.folder());
            if (!inbox.exists()) {
                throw new IllegalStateException("The mailbox has no folder '" + s.folder() + "'.");
            }
            Folder processed = store.getFolder(PROCESSED);
            if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                throw new IllegalStateException("Cannot create the folder '" + PROCESSED + "' in the mailbox.");
            }
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            for (int i = 0; i < messages.length; i++) {
                progress.checkCancelled();
                Message m = messages[i];
                if (m.isSet(Flags.Flag.DELETED)) {
                    continue;
                }
                byte[] raw = raw(m);
                var result = imports.importMessage(s.user() + "@" + s.host() + "/" + s.folder() + " #" + m.getMessageNumber(), raw);
                switch (result.outcome()) {
                    case RECORDED, DUPLICATE -> {
                        if (result.outcome() == BounceMessageImportService.MessageOutcome.RECORDED) {
                            recorded++;
                        } else {
                            duplicates++;
                        }
                        inbox.copyMessages(new Message[] {m}, processed);
                        m.setFlag(Flags.Flag.DELETED, true);
                    }
                    case NOT_A_BOUNCE -> notBounces++;
                    case BROKEN -> problems.add(result.problem());
                }
                progress.update(i + 1, messages.length);
            }
            inbox.close(true);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot check the bounce mailbox " + s.user() + "@" + s.host() + ":"
                    + s.port() + ": " + e.getMessage(), e);
        }
        return new CheckResult(recorded, duplicates, notBounces, problems.size(), java.util.List.copyOf(problems));
    }

    private static byte[] raw(Message m) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read message " + m.getMessageNumber(), e);
        }
        return out.toByteArray();
    }
}
