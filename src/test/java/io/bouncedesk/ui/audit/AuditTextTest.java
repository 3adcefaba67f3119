package io.bouncedesk.ui.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.domain.Role;
import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.persistence.AuditQueryDao;
import io.bouncedesk.service.AuditSubject;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log reads in every language, including what the services stored in English. */
class AuditTextTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;
    static List<AuditEntry> entries;

    @BeforeAll
    static void entriesOfManyKinds() {
        ws = AuditedWorkspace.build(dir);
        entries = ws.services.auditLog.page(new AuditQueryDao.Filter(null, null, null, null), 0, 1000);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void everyValueTheServicesWroteHasANameInTheBundle() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Messages english = Messages.of(Locale.ENGLISH);
        List<String> unnamed = new ArrayList<>();
        for (AuditEntry e : entries) {
            for (String values : new String[] {e.beforeJson(), e.afterJson()}) {
                if (values != null) {
                    json.readTree(values).fieldNames().forEachRemaining(name -> {
                        if (!english.bundle().containsKey("audit.field." + name)) {
                            unnamed.add(e.action() + ": " + name);
                        }
                    });
                }
            }
        }
        assertThat(entries).extracting(AuditEntry::action).contains("SENDING_DOMAIN_ADDED", "SENDING_IP_ADDED",
                "USER_ROLE_CHANGED", "USER_DISABLED", "USER_PASSWORD_RESET", "SEGMENT_CREATED",
                "CONTACT_ADDRESS_CHANGED");
        assertThat(unnamed).isEmpty();
    }

    @Test
    void subjectsAndValuesAreSaidInTheReadersLanguage() {
        for (String lang : List.of("pl", "fr", "da", "cs")) {
            Locale locale = Locale.forLanguageTag(lang);
            AuditText text = new AuditText(Messages.of(locale), new Formats(locale, ZoneOffset.UTC));
            for (AuditEntry e : entries) {
                String subject = text.subject(e.action(), e.subject());
                assertThat(subject).as("%s %s in %s", e.action(), e.subject(), lang)
                        .isNotEqualTo(e.subject()).doesNotContain("audit.subject");
                assertThat(text.details(e.beforeJson()) + text.details(e.afterJson()))
                        .doesNotContain("audit.field", "audit.value");
            }
        }
        AuditEntry role = only("USER_ROLE_CHANGED");
        AuditText polish = new AuditText(Messages.of(Locale.forLanguageTag("pl")),
                new Formats(Locale.forLanguageTag("pl"), ZoneOffset.UTC));
        Messages pl = Messages.of(Locale.forLanguageTag("pl"));
        assertThat(polish.subject(role.action(), role.subject())).isEqualTo("Użytkownik support");
        assertThat(polish.details(role.afterJson())).isEqualTo("Rola: " + pl.of("role", Role.MARKETING_EMAIL));
        AuditEntry domain = only("SENDING_DOMAIN_ADDED");
        AuditText french = new AuditText(Messages.of(Locale.FRENCH), new Formats(Locale.FRENCH, ZoneOffset.UTC));
        assertThat(french.subject(domain.action(), domain.subject())).isEqualTo("Domaine d'envoi news.example.com");
        assertThat(french.details(domain.afterJson()))
                .isEqualTo("Connecté : Oui · SPF : Valide · DKIM : Absent · DMARC : Inconnu");
        AuditEntry password = only("USER_PASSWORD_RESET");
        assertThat(polish.details(password.afterJson())).isEqualTo("Hasło: zmienione");
    }

    @Test
    void numbersAreGroupedNamesAndFilesStayAsWrittenAndUnknownTextShowsAsStored() {
        AuditText english = new AuditText(Messages.of(Locale.ENGLISH), new Formats(Locale.ENGLISH, ZoneOffset.UTC));
        AuditText czech = new AuditText(Messages.of(Locale.forLanguageTag("cs")),
                new Formats(Locale.forLanguageTag("cs"), ZoneOffset.UTC));
        String sent = "{\"recipients\":12500,\"delivered\":12000,\"notSent\":500}";
        assertThat(english.details(sent)).isEqualTo("Recipients: 12,500 · Delivered: 12,000 · Not sent: 500");
        assertThat(czech.details(sent)).startsWith("Příjemci: 12").contains("Neodesláno: 500");
        assertThat(english.subject("IMPORT_EVENTS", AuditSubject.providerEvents("ses", "oct.json").text()))
                .isEqualTo("Amazon SES events from oct.json");
        assertThat(czech.subject("IMPORT_BOUNCES", AuditSubject.bounceMessages(List.of("a", "b", "c")).text()))
                .isEqualTo("Zprávy o bounce z 3 souborů nebo složek");
        assertThat(czech.subject("IMPORT_CONTACTS", "user list.csv")).isEqualTo("user list.csv");
        assertThat(czech.details("{\"somethingNew\":\"x\",\"address\":null}")).isEqualTo("somethingNew: x · Adresa: —");
        assertThat(czech.details("not json {")).isEqualTo("not json {");
        assertThat(czech.details(null)).isEmpty();
    }

    private static AuditEntry only(String action) {
        return entries.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }
}
