package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.DashboardService;
import io.bouncedesk.service.ExportService;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.service.SettingsService;
import io.bouncedesk.service.BounceMailboxService;
import io.bouncedesk.service.SoftBouncePolicy;
import io.bouncedesk.service.UserService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.DashboardView;
import io.bouncedesk.ui.dashboard.DashboardViewModel;
import io.bouncedesk.ui.recipients.RecipientsView;
import io.bouncedesk.ui.recipients.RecipientsViewModel;
import io.bouncedesk.ui.segments.SegmentFormViewModel;
import io.bouncedesk.ui.segments.SegmentFromRecipientsButton;
import io.bouncedesk.ui.segments.SegmentFromRecipientsViewModel;
import io.bouncedesk.ui.segments.SegmentsView;
import io.bouncedesk.ui.segments.SegmentsViewModel;
import io.bouncedesk.ui.shell.Place;
import io.bouncedesk.ui.shell.Screen;
import io.bouncedesk.ui.shell.ScreenFactory;
import io.bouncedesk.ui.shell.Section;
import io.bouncedesk.ui.shell.ShellViewModel;

import java.util.function.Consumer;

/**
 * Builds the Dashboard, Segments and Settings screens (and the Recipients view's "Create segment
 * from these recipients" button) from the open workspace's services; the shell routes those
 * sections here.
 */
public final class WorkspaceScreens implements ScreenFactory {

    /** The services these screens use, as the composition root has them. */
    public record Deps(DashboardService dashboard, ReportService reports, SegmentService segments,
                       ExportService exports, SettingsService settings, UserService users,
                       BounceMailboxService mailbox, SoftBouncePolicy policy) {
    }

    private final Deps s;
    private final User user;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final Formats f;
    private final ShellViewModel shell;
    private final Consumer<ContactFilter> openContacts;
    private final Runnable mailboxSaved;
    /** A receiving domain clicked on the dashboard: the Segments screen opens its form pre-filled with it. */
    private String pendingDomain;

    public WorkspaceScreens(Deps services, User user, BackgroundTasks tasks, DialogService dialogs, Messages messages,
                            Formats formats, ShellViewModel shell, Consumer<ContactFilter> openContacts,
                            Runnable mailboxSaved) {
        this.s = services;
        this.user = user;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        this.f = formats;
        this.shell = shell;
        this.openContacts = openContacts;
        this.mailboxSaved = mailboxSaved;
    }

    @Override
    public Screen create(Place place) {
        return switch (place.section()) {
            case DASHBOARD -> dashboard();
            case SEGMENTS -> segments();
            case SETTINGS -> settings();
            default -> throw new IllegalArgumentException("not a workspace screen: " + place.section());
        };
    }

    private Screen dashboard() {
        DashboardViewModel vm = new DashboardViewModel(s.dashboard(), tasks, m, new DashboardViewModel.Navigation(
                openContacts, domain -> {
                    pendingDomain = domain;
                    shell.navigate(Section.SEGMENTS);
                }, shell::openEmail));
        DashboardView view = new DashboardView(vm, m, f);
        vm.load();
        return Screen.of(view);
    }

    private Screen segments() {
        SegmentsViewModel vm = new SegmentsViewModel(user, s.segments(), s.exports(), CsvOptions.forLanguage(m.locale()),
                tasks, dialogs, m);
        SegmentsView[] view = new SegmentsView[1];
        SegmentFormViewModel form = new SegmentFormViewModel(user, s.segments(), s.reports(), tasks, m, created -> {
            vm.load(created.id());
            view[0].showMembers();
        });
        view[0] = new SegmentsView(vm, form, m, f);
        vm.load();
        form.load();
        form.reset(pendingDomain);
        if (pendingDomain != null) {
            view[0].showForm();
            pendingDomain = null;
        }
        return Screen.of(view[0]);
    }

    private Screen settings() {
        DomainsSettingsViewModel domains = new DomainsSettingsViewModel(user, s.settings(), tasks, m);
        UsersSettingsViewModel users = new UsersSettingsViewModel(user, s.users(), s.settings(), tasks, m);
        MailboxSettingsViewModel mailbox = new MailboxSettingsViewModel(user, s.mailbox(), tasks, m, mailboxSaved);
        GeneralSettingsViewModel general = new GeneralSettingsViewModel(m, s.policy(), ShellViewModel.LANGUAGES,
                shell.themeProperty().get(), shell::setLanguage, shell::setTheme);
        SettingsView view = new SettingsView(domains, users, mailbox, general, m);
        domains.load();
        users.load();
        mailbox.load();
        return Screen.of(view);
    }

    /** Adds "Create segment from these recipients" to a Recipients view. */
    public void decorate(RecipientsView view, RecipientsViewModel vm, String emailName) {
        SegmentFromRecipientsViewModel create = new SegmentFromRecipientsViewModel(user, s.segments(), vm::query,
                emailName, tasks, dialogs, m);
        view.addTableAction(new SegmentFromRecipientsButton(create, vm.tabProperty(), m));
    }
}
