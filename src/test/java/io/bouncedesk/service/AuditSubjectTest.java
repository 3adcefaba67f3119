package io.bouncedesk.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSubjectTest {

    /** One subject of every kind, as the services write them. */
    static final List<AuditSubject> EVERY_KIND = List.of(
            AuditSubject.contact(12, "anna@example.com"),
            AuditSubject.contact(12),
            AuditSubject.email(3, "November \"news\" <PL>"),
            AuditSubject.segment("Bounced in \"Spring\" sale"),
            AuditSubject.mailbox("bounces@imap.example.com"),
            AuditSubject.bounce(77, "jan@example.pl"),
            AuditSubject.user("kasia"),
            AuditSubject.domain("mail.example.com"),
            AuditSubject.ip("192.0.2.10"),
            AuditSubject.bounceMessages(List.of("inbox.mbox")),
            AuditSubject.bounceMessages(List.of("a.eml", "b.eml", "dir")),
            AuditSubject.providerEvents("sendgrid", "ses events from october.json"));

    @Test
    void everyKindReadsBackFromTheTextItStores() {
        assertThat(EVERY_KIND).extracting(AuditSubject::kind).doesNotHaveDuplicates()
                .containsAll(List.of(AuditSubject.Kind.values()).subList(0, AuditSubject.Kind.values().length - 1));
        for (AuditSubject s : EVERY_KIND) {
            assertThat(AuditSubject.parse("ANY", s.text())).as(s.text()).contains(s);
        }
        assertThat(AuditSubject.contact(12, "anna@example.com").text()).isEqualTo("contact 12 <anna@example.com>");
        assertThat(AuditSubject.bounceMessages(List.of("a", "b")).text()).isEqualTo("bounce messages from 2 paths");
        assertThat(AuditSubject.email(3, "Hi").text()).isEqualTo("email 3 \"Hi\"");
    }

    @Test
    void theSubjectOfAFileImportIsTheFileWhateverItsNameSays() {
        assertThat(AuditSubject.parse("IMPORT_CONTACTS", "user list.csv")).contains(AuditSubject.file("user list.csv"));
        assertThat(AuditSubject.parse("IMPORT_GLOBAL_BOUNCES", "domain blocks.csv"))
                .contains(AuditSubject.file("domain blocks.csv"));
        // the same text of another action is a user
        assertThat(AuditSubject.parse("USER_CREATED", "user list.csv")).contains(AuditSubject.user("list.csv"));
    }

    @Test
    void aTextOfNoKnownKindIsShownAsStoredAndNoSubjectIsEmpty() {
        assertThat(AuditSubject.parse("SOMETHING_NEW", "the whole workspace"))
                .contains(AuditSubject.file("the whole workspace"));
        assertThat(AuditSubject.parse("UNBOUNCE", "contact x <a@b>")).map(AuditSubject::kind)
                .contains(AuditSubject.Kind.FILE); // an id is digits
        assertThat(AuditSubject.parse("UNBOUNCE", null)).isEmpty();
        assertThat(AuditSubject.parse("UNBOUNCE", "")).isEmpty();
    }
}
