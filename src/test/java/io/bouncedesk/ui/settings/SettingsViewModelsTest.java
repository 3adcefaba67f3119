package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.Role;
import io.bouncedesk.service.SoftBouncePolicy;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending domains, users (the last Super admin), the mailbox form and the policy text; no toolkit. */
class SettingsViewModelsTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;
    final Messages m = Messages.of(Locale.ENGLISH);
    final BackgroundTasks tasks = BackgroundTasks.sameThread();

    @BeforeAll
    static void build() {
        ws = new SmallWorkspace(dir, 200, 1);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void addingAndChangingASendingDomainSurfacesEveryProblem() {
        DomainsSettingsViewModel vm = new DomainsSettingsViewModel(ws.user("admin"), ws.services.settingsAdmin, tasks, m);
        vm.load();
        int before = vm.domains().size();
        vm.addDomain();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter a domain name.");
        vm.domainProperty().set("not a domain");
        vm.addDomain();
        assertThat(vm.errorProperty().get()).contains("is not a domain name");
        vm.domainProperty().set("mail.example.org");
        vm.spfProperty().set("PASS");
        vm.dkimProperty().set("FAIL");
        vm.addDomain();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.infoProperty().get()).isEqualTo("mail.example.org added.");
        assertThat(vm.domains()).hasSize(before + 1).anyMatch(d -> d.domain().equals("mail.example.org")
                && d.spf().equals("PASS") && d.dkim().equals("FAIL") && d.dmarc().equals("UNKNOWN"));
        vm.domainProperty().set("mail.example.org");
        vm.addDomain();
        assertThat(vm.errorProperty().get()).contains("already a sending domain");
        vm.ipProperty().set("300.1.1.1");
        vm.addIp();
        assertThat(vm.errorProperty().get()).contains("is not an IP address");
        vm.ipProperty().set("198.51.100.7");
        vm.addIp();
        assertThat(vm.ips()).contains("198.51.100.7");
    }

    @Test
    void aViewerIsToldWhySettingsAreReadOnly() {
        DomainsSettingsViewModel domains = new DomainsSettingsViewModel(ws.user("support"), ws.services.settingsAdmin,
                tasks, m);
        domains.domainProperty().set("x.example.org");
        domains.addDomain();
        assertThat(domains.errorProperty().get()).contains("Read-only").contains("Viewer");
        UsersSettingsViewModel users = new UsersSettingsViewModel(ws.user("marketer"), ws.services.users,
                ws.services.settingsAdmin, tasks, m);
        assertThat(users.canManage()).isFalse();
        assertThat(users.readOnlyReason()).contains("only a Super admin").contains("Marketing email");
    }

    @Test
    void theLastSuperAdminCannotBeDemotedAndTheRefusalIsShown() {
        UsersSettingsViewModel vm = new UsersSettingsViewModel(ws.user("admin"), ws.services.users,
                ws.services.settingsAdmin, tasks, m);
        vm.load();
        vm.usernameProperty().set("zoe");
        vm.passwordProperty().set("ab");
        vm.addUser();
        assertThat(vm.errorProperty().get()).isEqualTo("A password needs at least 4 characters.");
        vm.passwordProperty().set("secret");
        vm.roleProperty().set(Role.VIEWER);
        vm.addUser();
        assertThat(vm.users()).anyMatch(u -> u.username().equals("zoe") && u.role() == Role.VIEWER);

        vm.selectedProperty().set(vm.users().stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow());
        vm.roleProperty().set(Role.VIEWER);
        vm.changeRole();
        assertThat(vm.errorProperty().get()).contains("last Super admin");
        vm.setDisabled(true);
        assertThat(vm.errorProperty().get()).contains("last Super admin");
        vm.removeUser();
        assertThat(vm.errorProperty().get()).contains("last Super admin");
        assertThat(ws.services.users.list()).anyMatch(u -> u.username().equals("admin") && u.role() == Role.SUPER_ADMIN);
    }

    @Test
    void mailboxSettingsAreCheckedBeforeSavingAndSavingRestartsTheChecks() {
        List<String> restarts = new ArrayList<>();
        MailboxSettingsViewModel vm = new MailboxSettingsViewModel(ws.user("admin"), ws.services.mailbox, tasks, m,
                () -> restarts.add("restart"));
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter the mailbox's host name.");
        vm.hostProperty().set("imap.example.org");
        vm.portProperty().set("99999");
        vm.save();
        assertThat(vm.errorProperty().get()).startsWith("The port is a number");
        vm.portProperty().set("993");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter the mailbox user name.");
        vm.accountProperty().set("bounces@example.org");
        vm.everyProperty().set("ten");
        vm.save();
        assertThat(vm.errorProperty().get()).startsWith("The interval is a whole number");
        vm.everyProperty().set("5");
        vm.save();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.infoProperty().get()).contains("every 5 minutes");
        assertThat(restarts).hasSize(1);
        assertThat(ws.services.mailbox.settings()).hasValueSatisfying(s -> assertThat(s.checkEveryMinutes()).isEqualTo(5));

        MailboxSettingsViewModel viewer = new MailboxSettingsViewModel(ws.user("support"), ws.services.mailbox, tasks, m,
                () -> { });
        viewer.save();
        assertThat(viewer.errorProperty().get()).contains("Read-only");
    }

    @Test
    void thePolicyIsReadOnlyTextAndLanguageAndThemeGoToTheShell() {
        List<Object> applied = new ArrayList<>();
        GeneralSettingsViewModel vm = new GeneralSettingsViewModel(m, SoftBouncePolicy.standard(),
                List.of(Locale.ENGLISH, Locale.forLanguageTag("pl")), Theme.LIGHT, applied::add, applied::add);
        assertThat(vm.policyLines()).contains("6 attempts within one email, spread over 48 hours.",
                "If all fail, the next email tries 4 more times.",
                "After 10 failed attempts in a row the address becomes hard-bounced.");
        vm.setLanguage(Locale.ENGLISH);
        vm.setTheme(Theme.LIGHT);
        assertThat(applied).isEmpty();
        vm.setLanguage(Locale.forLanguageTag("pl"));
        vm.setTheme(Theme.DARK);
        assertThat(applied).containsExactly(Locale.forLanguageTag("pl"), Theme.DARK);
        assertThat(GeneralSettingsViewModel.nameOf(Locale.forLanguageTag("pl"))).isEqualTo("Polski");
    }
}
