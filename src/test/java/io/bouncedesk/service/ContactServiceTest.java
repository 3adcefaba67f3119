package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.NotSentReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Domain rules, section 8: bounces belong to addresses, not to contacts. */
class ContactServiceTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long bounced;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        bounced = t.contact("old@example.org");
        t.transport.reply("old@example.org", ScriptedTransport.USER_UNKNOWN);
        t.send("First");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void aCleanNewAddressMakesTheContactEligibleAndTheOldBounceStaysWithTheOldAddress() {
        assertThat(t.services.contacts.details(bounced).eligible()).isFalse();

        ContactDetails after = t.services.contacts.changeAddress(t.marketer, bounced, "New.Address@Example.org");

        assertThat(after.contact().address().address()).isEqualTo("New.Address@example.org");
        assertThat(after.contact().status()).isEqualTo(ContactStatus.ACTIVE);
        assertThat(after.eligible()).isTrue();
        assertThat(after.hardBounce()).isEmpty();
        assertThat(after.history()).singleElement().satisfies(b -> assertThat(b.address()).isEqualTo("old@example.org"));
        String audit = t.services.jdbi.withHandle(h -> h.createQuery("SELECT before_json || after_json FROM audit_log"
                + " WHERE action = 'CONTACT_ADDRESS_CHANGED'").mapTo(String.class).one());
        assertThat(audit).contains("old@example.org").contains("New.Address@example.org");
    }

    @Test
    void anAddressThatBouncedBeforeMakesTheContactIneligibleAtOnce() {
        long other = t.contact("fresh@example.org");
        ContactDetails after = t.services.contacts.changeAddress(t.admin, other, "OLD@example.org");
        assertThat(after.contact().status()).isEqualTo(ContactStatus.BOUNCED);
        assertThat(after.suppressedBecause()).contains(NotSentReason.PREVIOUSLY_BOUNCED);
    }

    @Test
    void viewersCannotEditAndBadAddressesAreRefused() {
        assertThatThrownBy(() -> t.services.contacts.changeAddress(t.viewer, bounced, "x@example.org"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> t.services.contacts.changeAddress(t.admin, bounced, "not an address"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an address");
    }

    @Test
    void signInChecksThePasswordHash() {
        assertThat(t.services.users.authenticate("admin", "secret".toCharArray()).role())
                .isEqualTo(io.bouncedesk.domain.Role.SUPER_ADMIN);
        assertThatThrownBy(() -> t.services.users.authenticate("admin", "wrong".toCharArray()))
                .isInstanceOf(UserService.BadCredentialsException.class);
        assertThatThrownBy(() -> t.services.users.authenticate("nobody", "secret".toCharArray()))
                .isInstanceOf(UserService.BadCredentialsException.class);
        String stored = t.services.jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM app_user"
                + " WHERE username = 'admin'").mapTo(String.class).one());
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("secret");
        assertThatThrownBy(() -> t.services.users.create(t.marketer, "x1", "X", io.bouncedesk.domain.Role.VIEWER,
                "pw12".toCharArray())).isInstanceOf(PermissionDeniedException.class);
    }
}
