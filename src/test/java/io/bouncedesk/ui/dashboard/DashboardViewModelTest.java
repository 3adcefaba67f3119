package io.bouncedesk.ui.dashboard;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures as the services give them, and where clicks lead; no toolkit. */
class DashboardViewModelTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;
    final List<ContactFilter> opened = new ArrayList<>();
    final List<String> domains = new ArrayList<>();
    final List<EmailSummary> emails = new ArrayList<>();
    final DashboardViewModel vm = new DashboardViewModel(ws.services.dashboard, BackgroundTasks.sameThread(),
            Messages.of(Locale.ENGLISH), new DashboardViewModel.Navigation(opened::add, domains::add, emails::add));

    @BeforeAll
    static void build() {
        ws = new SmallWorkspace(dir, 600, 4);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void figuresAreTheServicesFiguresWithActiveFirst() {
        vm.load();
        DashboardViewModel.Figures f = vm.figuresProperty().get();
        assertThat(vm.errorProperty().get()).isEmpty();
        var summary = ws.services.dashboard.summary();
        assertThat(f.statuses()).extracting(DashboardViewModel.StatusFigure::status).containsExactly(
                ContactStatus.ACTIVE, ContactStatus.UNCONFIRMED, ContactStatus.BOUNCED, ContactStatus.UNSUBSCRIBED,
                ContactStatus.SPAM_COMPLAINT);
        assertThat(f.statuses().stream().mapToLong(DashboardViewModel.StatusFigure::count).sum())
                .isEqualTo(summary.contacts());
        assertThat(f.statuses().get(0).count()).isEqualTo(summary.billable());
        assertThat(f.weeks()).hasSize(DashboardViewModel.WEEKS);
        long weekly = f.weeks().stream().mapToLong(w -> w.total()).sum();
        assertThat(weekly).isPositive();
        // Every category with a series has bounces, and every week's bounces are in some series.
        assertThat(f.weekCategories()).allMatch(c -> f.weeks().stream().anyMatch(w -> DashboardViewModel.count(w, c) > 0));
        assertThat(f.weeks().stream().mapToLong(w -> f.weekCategories().stream()
                .mapToLong(c -> DashboardViewModel.count(w, c)).sum()).sum()).isEqualTo(weekly);
        assertThat(f.reasons()).isNotEmpty();
        assertThat(f.reasons().stream().mapToLong(DashboardViewModel.ReasonFigure::count).sum())
                .isEqualTo(summary.byStatus().getOrDefault(ContactStatus.BOUNCED, 0L) > 0 ? f.reasons().stream()
                        .mapToLong(DashboardViewModel.ReasonFigure::count).sum() : 0);
        assertThat(f.domains()).isNotEmpty().hasSizeLessThanOrEqualTo(8);
        assertThat(f.overTheLine()).allMatch(e -> e.health().hardBounceWarning() || e.health().spamReportWarning());
        assertThat(vm.quotaText(summary.quota())).isEqualTo(summary.quota().used() + " of " + summary.quota().limit());
    }

    @Test
    void clicksOpenTheMatchingLists() {
        vm.openCategory(BounceCategory.MAILBOX_FULL);
        vm.openReason(BounceReason.USERUNKNOWN);
        vm.openStatus(ContactStatus.BOUNCED);
        vm.openDomain("wp.pl");
        assertThat(opened).containsExactly(new ContactFilter(null, null, true, BounceCategory.MAILBOX_FULL, false),
                new ContactFilter(null, null, true, BounceCategory.UNKNOWN_USER, false),
                ContactFilter.all().withStatus(ContactStatus.BOUNCED));
        assertThat(domains).containsExactly("wp.pl");
    }

    @Test
    void aFailedReadIsShownNotThrown() {
        DashboardViewModel broken = new DashboardViewModel(null, BackgroundTasks.sameThread(),
                Messages.of(Locale.ENGLISH), new DashboardViewModel.Navigation(opened::add, domains::add, emails::add));
        broken.load();
        assertThat(broken.errorProperty().get()).startsWith("Could not read from the workspace");
        assertThat(broken.busyProperty().get()).isFalse();
    }
}
