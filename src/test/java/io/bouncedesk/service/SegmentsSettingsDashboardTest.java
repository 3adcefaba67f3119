package io.bouncedesk.service;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.Role;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.SegmentFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentsSettingsDashboardTest {

    @TempDir
    Path dir;
    TestWorkspace t;
    long emailId;

    @BeforeEach
    void setUp() {
        t = new TestWorkspace(dir);
        t.connectSendingDomain();
        t.contact("ok1@wp.pl");
        t.contact("ok2@seznam.cz");
        t.contact("gone1@wp.pl");
        t.contact("gone2@wp.pl");
        t.contact("full@seznam.cz");
        t.contact("bought@wp.pl", true, true);
        t.transport.reply("gone1@wp.pl", ScriptedTransport.USER_UNKNOWN);
        t.transport.reply("gone2@wp.pl", ScriptedTransport.USER_UNKNOWN);
        t.transport.reply("full@seznam.cz", ScriptedTransport.SPAM);
        emailId = t.send("Segmented").emailId();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private List<String> addresses(List<ContactRow> rows) {
        return rows.stream().map(c -> c.address().address()).toList();
    }

    @Test
    void dynamicSegmentsFollowTheContactsAndStaticOnesKeepTheirMembers() throws Exception {
        SegmentService.Segment wpBounced = t.services.segments.createDynamic(t.marketer, "Bounced at wp.pl",
                new SegmentFilter(ContactStatus.BOUNCED, true, BounceCategory.UNKNOWN_USER, "WP.pl", false, emailId, null));
        assertThat(addresses(t.services.segments.members(wpBounced.id(), 0, 100)))
                .containsExactly("gone1@wp.pl", "gone2@wp.pl");
        SegmentService.Segment notSent = t.services.segments.createFromRecipients(t.marketer, "Not sent on Segmented",
                RecipientQuery.of(emailId, RecipientTab.NOT_SENT));
        assertThat(t.services.segments.count(notSent.id())).isEqualTo(1);
        SegmentService.Segment bounced = t.services.segments.createFromRecipients(t.marketer, "Bounced hard",
                RecipientQuery.of(emailId, RecipientTab.BOUNCED).withBounceType(BounceType.HARD));
        assertThat(addresses(t.services.segments.members(bounced.id(), 0, 100)))
                .containsExactly("gone1@wp.pl", "gone2@wp.pl");

        long gone1 = t.services.contacts.findByAddress("gone1@wp.pl").orElseThrow().id();
        t.services.unbounce.unbounce(t.admin, gone1, true);
        assertThat(t.services.segments.count(wpBounced.id())).isEqualTo(1);
        assertThat(t.services.segments.count(bounced.id())).isEqualTo(2);

        Path out = dir.resolve("segment.csv");
        assertThat(t.services.exports.segment(t.viewer, t.services.segments, bounced.id(), out, new CsvOptions(',', false),
                Progress.NONE)).isEqualTo(2);
        assertThat(Files.readAllLines(out).get(2)).startsWith("gone2@wp.pl,").contains(",bounced,unknown_user,userunknown,");

        assertThatThrownBy(() -> t.services.segments.createDynamic(t.marketer, "Bounced at wp.pl", SegmentFilter.none()))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> t.services.segments.createDynamic(t.viewer, "x", SegmentFilter.none()))
                .isInstanceOf(PermissionDeniedException.class);
        t.services.segments.delete(t.admin, notSent.id());
        assertThat(t.services.segments.list()).extracting(SegmentService.Segment::name)
                .containsExactly("Bounced at wp.pl", "Bounced hard");
    }

    @Test
    void sendingSetupAndUsersKeepTheirRules() {
        SettingsService s = t.services.settingsAdmin;
        s.addDomain(t.admin, "News.Example.COM", false, "pass", "missing", null);
        assertThat(s.domains()).anySatisfy(d -> {
            assertThat(d.domain()).isEqualTo("news.example.com");
            assertThat(d.dkim()).isEqualTo("MISSING");
            assertThat(d.dmarc()).isEqualTo("UNKNOWN");
        });
        assertThatThrownBy(() -> s.addDomain(t.admin, "news.example.com", true, null, null, null)).hasMessageContaining("already");
        assertThatThrownBy(() -> s.addDomain(t.admin, "not a domain", true, null, null, null)).hasMessageContaining("not a domain");
        assertThatThrownBy(() -> s.addDomain(t.admin, "x.example.com", true, "GREAT", null, null)).hasMessageContaining("PASS, FAIL");
        assertThatThrownBy(() -> s.addDomain(t.marketer, "y.example.com", true, null, null, null))
                .isInstanceOf(PermissionDeniedException.class);
        s.updateDomain(t.admin, "news.example.com", true, "PASS", "PASS", "PASS");
        s.removeDomain(t.admin, "news.example.com");
        s.addIp(t.admin, "192.0.2.44", "IP 1");
        s.addIp(t.admin, "2001:db8::1", "IPv6");
        assertThatThrownBy(() -> s.addIp(t.admin, "300.1.1.1", "")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> s.addIp(t.admin, "mail.example.com", "")).hasMessageContaining("not an IP address");
        assertThat(s.ips()).containsExactly("192.0.2.44", "2001:db8::1");

        assertThatThrownBy(() -> s.changeRole(t.admin, "admin", Role.VIEWER)).hasMessageContaining("last Super admin");
        assertThatThrownBy(() -> s.setDisabled(t.admin, "admin", true)).hasMessageContaining("last Super admin");
        assertThatThrownBy(() -> s.removeUser(t.admin, "admin")).hasMessageContaining("last Super admin");
        s.changeRole(t.admin, "marketer", Role.SUPER_ADMIN);
        s.changeRole(t.admin, "admin", Role.VIEWER);
        assertThat(t.services.users.authenticate("admin", "secret".toCharArray()).role()).isEqualTo(Role.VIEWER);
        io.bouncedesk.domain.User promoted = t.services.users.authenticate("marketer", "secret".toCharArray());
        s.resetPassword(promoted, "support", "n3w-pass".toCharArray());
        assertThat(t.services.users.authenticate("support", "n3w-pass".toCharArray())).isNotNull();
        s.setDisabled(promoted, "support", true);
        assertThat(s.disabledUsernames()).containsExactly("support");
        assertThatThrownBy(() -> t.services.users.authenticate("support", "n3w-pass".toCharArray()))
                .isInstanceOf(UserService.BadCredentialsException.class);
        List<String> audit = t.services.jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
        assertThat(audit).contains("SENDING_DOMAIN_ADDED", "SENDING_DOMAIN_REMOVED", "SENDING_IP_ADDED",
                "USER_ROLE_CHANGED", "USER_PASSWORD_RESET", "USER_DISABLED");
    }

    @Test
    void dashboardFigures() {
        t.clock.advance(Duration.ofDays(3));
        t.services.retries.processDue(t.clock.instant());
        List<DashboardService.Week> weeks = t.services.dashboard.bouncesByWeek(4);
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(3).monday().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        long total = weeks.stream().mapToLong(DashboardService.Week::total).sum();
        assertThat(total).isEqualTo(3);
        assertThat(weeks.stream().mapToLong(w -> w.byCategory().getOrDefault(BounceCategory.UNKNOWN_USER, 0L)).sum())
                .isEqualTo(2);
        assertThat(t.services.dashboard.hardBounceReasons()).containsExactly(java.util.Map.entry(BounceReason.USERUNKNOWN, 2L));
        assertThat(t.services.dashboard.topBouncingDomains(5)).containsExactly(
                new DashboardService.DomainCount("wp.pl", 2), new DashboardService.DomainCount("seznam.cz", 1));
        assertThat(t.services.dashboard.emailsOverTheLine()).singleElement()
                .satisfies(e -> assertThat(e.health().hardBounceRate()).isEqualTo(0.4));
        assertThat(t.services.dashboard.quota().limit()).isEqualTo(10);
    }
}
