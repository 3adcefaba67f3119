package io.bouncedesk.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @Test
    void addressesAreNormalisedButTheLocalPartKeepsItsCase() {
        EmailAddress a = EmailAddress.of("  Anna.Nowak@WP.PL ");
        assertThat(a.value()).isEqualTo("Anna.Nowak@wp.pl");
        assertThat(a.key()).isEqualTo("anna.nowak@wp.pl");
        assertThat(a.domain()).isEqualTo("wp.pl");
        assertThat(a.valid()).isTrue();
        assertThat(EmailAddress.of("<x@example.org>").value()).isEqualTo("x@example.org");
        assertThat(EmailAddress.of("jørgen@Blåbær.dk").value()).isEqualTo("jørgen@xn--blbr-roah.dk");
    }

    @Test
    void badSyntaxIsKeptButMarkedInvalid() {
        assertThat(EmailAddress.of("jan.novak@seznam").valid()).isFalse();
        assertThat(EmailAddress.of("Jan Novák@seznam.cz").valid()).isFalse();
        assertThat(EmailAddress.of("tomas@@email.cz").valid()).isFalse();
        assertThat(EmailAddress.of("no-at-sign").valid()).isFalse();
        assertThat(EmailAddress.of("a..b@example.org").valid()).isFalse();
    }

    @Test
    void statusIsDerivedInTheOrderOfSectionTwo() {
        assertThat(ContactStatus.derive(true, true, true, false)).isEqualTo(ContactStatus.SPAM_COMPLAINT);
        assertThat(ContactStatus.derive(false, true, true, false)).isEqualTo(ContactStatus.UNSUBSCRIBED);
        assertThat(ContactStatus.derive(false, false, true, false)).isEqualTo(ContactStatus.BOUNCED);
        assertThat(ContactStatus.derive(false, false, false, false)).isEqualTo(ContactStatus.UNCONFIRMED);
        assertThat(ContactStatus.derive(false, false, false, true)).isEqualTo(ContactStatus.ACTIVE);
        assertThat(Arrays.stream(ContactStatus.values()).filter(ContactStatus::isBillable))
                .containsExactly(ContactStatus.ACTIVE);
    }

    @Test
    void onlyUnknownUsersDomainsAndMovedAreHardAndNotacceptOnlyWhenPermanent() {
        for (BounceReason r : BounceReason.values()) {
            BounceType expected = switch (r) {
                case USERUNKNOWN, HOSTUNKNOWN, HASMOVED, NOTACCEPT -> BounceType.HARD;
                default -> BounceType.SOFT;
            };
            assertThat(r.type(true)).as(r.code()).isEqualTo(expected);
        }
        assertThat(BounceReason.NOTACCEPT.type(false)).isEqualTo(BounceType.SOFT);
        assertThat(BounceReason.USERUNKNOWN.type(false)).isEqualTo(BounceType.HARD);
    }

    @Test
    void categoriesGroupTheReasonsOfSectionFive() {
        assertThat(BounceReason.SUSPEND.category()).isEqualTo(BounceCategory.UNKNOWN_USER);
        assertThat(BounceReason.NOTACCEPT.category()).isEqualTo(BounceCategory.BAD_DOMAIN);
        assertThat(BounceReason.SYSTEMFULL.category()).isEqualTo(BounceCategory.MAILBOX_FULL);
        assertThat(BounceReason.REQUIREPTR.category()).isEqualTo(BounceCategory.SPAM_REPUTATION);
        assertThat(BounceReason.NORELAYING.category()).isEqualTo(BounceCategory.POLICY_AUTH);
        assertThat(BounceReason.NOTCOMPLIANTRFC.category()).isEqualTo(BounceCategory.CONTENT);
        assertThat(BounceReason.EXCEEDLIMIT.category()).isEqualTo(BounceCategory.THROTTLED);
        assertThat(BounceReason.EXPIRED.category()).isEqualTo(BounceCategory.TIMEOUT_NETWORK);
        assertThat(BounceReason.ONHOLD.category()).isEqualTo(BounceCategory.OTHER);
        assertThat(BounceReason.fromCode("MailboxFull")).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(BounceReason.fromCode("nonsense")).isEqualTo(BounceReason.UNDEFINED);
    }

    @Test
    void rolesFollowSectionEleven() {
        assertThat(Role.VIEWER.allows(Permission.EXPORT)).isTrue();
        assertThat(Role.VIEWER.allows(Permission.UNBOUNCE)).isFalse();
        assertThat(Role.MARKETING_EMAIL.allows(Permission.UNBOUNCE)).isTrue();
        assertThat(Role.MARKETING_EMAIL.allows(Permission.RECLASSIFY)).isTrue();
        assertThat(Role.MARKETING_EMAIL.allows(Permission.IMPORT)).isTrue();
        assertThat(Role.MARKETING_EMAIL.allows(Permission.MANAGE_USERS)).isFalse();
        assertThat(Role.SUPER_ADMIN.allows(Permission.MANAGE_SENDING_DOMAINS)).isTrue();
    }

    @Test
    void trackingIdsRoundTrip() {
        assertThat(TrackingIds.fromMessageId(TrackingIds.messageId(12, 345, "Mail.Example.EU")))
                .contains(new TrackingIds.Ref(12, 345));
        assertThat(TrackingIds.fromVerp(TrackingIds.verpAddress(7, 8, "mail.example.eu")))
                .contains(new TrackingIds.Ref(7, 8));
        assertThat(TrackingIds.fromToken(" " + TrackingIds.token(1, 2))).contains(new TrackingIds.Ref(1, 2));
        assertThat(TrackingIds.fromMessageId("<CAF=abc@mail.gmail.com>")).isEmpty();
    }
}
