package io.bouncedesk.service;

import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches by name alone (no address starts with the text) once failed: the LIKE escape clause
 * lost its character in JDBI's parser. Wildcards typed by a user must match literally.
 */
class SearchTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.contact("zz1@example.org");
        t.contact("a_b@example.org");
        t.contact("a%b@example.org");
        t.contact("axb@example.org");
        emailId = t.send("Searchable").emailId();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private long contacts(String search) {
        return t.services.contacts.count(new ContactFilter(search, null, false, null, false));
    }

    private long recipients(String search) {
        return t.services.jdbi.withHandle(h -> new RecipientListDao().count(h,
                RecipientQuery.of(emailId, RecipientTab.SENT).withSearch(search)));
    }

    @Test
    void byNameAlone() {
        assertThat(contacts("test zz")).isEqualTo(1);
        assertThat(t.services.contacts.list(new ContactFilter("TEST ZZ", null, false, null, false), 0, 10))
                .singleElement().satisfies(c -> assertThat(c.address().address()).isEqualTo("zz1@example.org"));
        assertThat(recipients("test zz")).isEqualTo(1);
        assertThat(t.services.reports.emails("archab")).hasSize(1);
    }

    @Test
    void wildcardsMatchLiterally() {
        assertThat(contacts("a_")).isEqualTo(1);
        assertThat(contacts("a%")).isEqualTo(1);
        assertThat(contacts("a")).isEqualTo(3);
        assertThat(recipients("a_b@")).isEqualTo(1);
        assertThat(contacts("!")).isZero();
        assertThat(t.services.reports.emails("%")).isEmpty();
    }
}
