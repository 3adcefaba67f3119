package io.bouncedesk.ui.dashboard;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.service.DashboardService;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.UnbounceQuota;
import io.bouncedesk.service.WorkspaceSummary;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dashboard (domain rules, sections 2, 5, 7 and 10): contacts per status and the billable count,
 * bounces per week by category, hard-bounce reasons, the domains that bounce most, the emails over
 * the health lines and this month's unbounce quota. Every figure is read in one background job, so
 * the screen fills in at once. Clicking a figure opens the matching list through the callbacks.
 */
public final class DashboardViewModel {

    /** Weeks shown in "Bounces over time": a quarter, enough to see a trend, few enough to read. */
    public static final int WEEKS = 12;
    static final int TOP_DOMAINS = 8;

    /** How many contacts have one status. */
    public record StatusFigure(ContactStatus status, long count) {
    }

    /** One hard-bounce reason and how many addresses currently hard-bounce for it. */
    public record ReasonFigure(BounceReason reason, long count) {
        public BounceCategory category() {
            return reason.category();
        }
    }

    /** Everything the dashboard shows, read together. */
    public record Figures(WorkspaceSummary summary, List<StatusFigure> statuses, List<DashboardService.Week> weeks,
                          List<BounceCategory> weekCategories, List<ReasonFigure> reasons,
                          List<DashboardService.DomainCount> domains, List<EmailSummary> overTheLine) {
    }

    /** Where clicks lead; supplied by the composition root. */
    public record Navigation(Consumer<ContactFilter> openContacts, Consumer<String> openDomain,
                             Consumer<EmailSummary> openEmail) {
    }

    private final DashboardService dashboard;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Navigation navigation;
    private final DateTimeFormatter weekFormat;
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public DashboardViewModel(DashboardService dashboard, BackgroundTasks tasks, Messages messages,
                              Navigation navigation) {
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.messages = messages;
        this.navigation = navigation;
        this.weekFormat = DateTimeFormatter.ofPattern("d MMM", messages.locale());
    }

    public void load() {
        busy.set(true);
        tasks.run(this::read, f -> {
            busy.set(false);
            error.set("");
            figures.set(f);
        }, t -> {
            busy.set(false);
            error.set(messages.format("error.load", String.valueOf(t.getMessage())));
        });
    }

    private Figures read() {
        WorkspaceSummary summary = dashboard.summary();
        // Active first (the billable one), then the inactive statuses in the order they are derived.
        List<StatusFigure> statuses = Arrays.stream(new ContactStatus[] {ContactStatus.ACTIVE,
                        ContactStatus.UNCONFIRMED, ContactStatus.BOUNCED, ContactStatus.UNSUBSCRIBED,
                        ContactStatus.SPAM_COMPLAINT})
                .map(s -> new StatusFigure(s, summary.byStatus().getOrDefault(s, 0L))).toList();
        List<DashboardService.Week> weeks = dashboard.bouncesByWeek(WEEKS);
        // Only categories that occur get a series, in the fixed order of the categories.
        List<BounceCategory> present = Arrays.stream(BounceCategory.values())
                .filter(c -> weeks.stream().anyMatch(w -> w.byCategory().getOrDefault(c, 0L) > 0)).toList();
        List<ReasonFigure> reasons = dashboard.hardBounceReasons().entrySet().stream()
                .map(e -> new ReasonFigure(e.getKey(), e.getValue())).toList();
        return new Figures(summary, statuses, weeks, present, reasons, dashboard.topBouncingDomains(TOP_DOMAINS),
                dashboard.emailsOverTheLine());
    }

    /** A status bar or legend entry: the contacts with that status. */
    public void openStatus(ContactStatus status) {
        navigation.openContacts().accept(ContactFilter.all().withStatus(status));
    }

    /** A category (bar, legend entry or reason): the contacts whose current hard bounce is of that category. */
    public void openCategory(BounceCategory category) {
        navigation.openContacts().accept(new ContactFilter(null, null, true, category, false));
    }

    public void openReason(BounceReason reason) {
        openCategory(reason.category());
    }

    /** A receiving domain: contacts have no domain filter, so this opens a segment filtered on it. */
    public void openDomain(String domain) {
        navigation.openDomain().accept(domain);
    }

    public void openEmail(EmailSummary email) {
        navigation.openEmail().accept(email);
    }

    /** "14 Sep": the Monday a week starts on, as the x axis writes it. */
    public String weekLabel(LocalDate monday) {
        return weekFormat.format(monday);
    }

    /** "4 of 24" unbounces used. */
    public String quotaText(UnbounceQuota q) {
        return messages.format("dashboard.quota", q.used(), q.limit());
    }

    public static double quotaFraction(UnbounceQuota q) {
        return q.limit() == 0 ? 0 : Math.min(1.0, (double) q.used() / q.limit());
    }

    /** The billable share of all contacts, for the billable card's note. */
    public static double billableShare(WorkspaceSummary s) {
        return s.contacts() == 0 ? 0 : (double) s.billable() / s.contacts();
    }

    /** Bounces of one week and category (0 when none). */
    public static long count(DashboardService.Week week, BounceCategory c) {
        Map<BounceCategory, Long> m = week.byCategory();
        return m.getOrDefault(c, 0L);
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
