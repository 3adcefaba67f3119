package io.bouncedesk.ui.shell;

import io.bouncedesk.domain.User;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.DashboardView;
import io.bouncedesk.ui.dashboard.DashboardViewModel;
import io.bouncedesk.ui.emails.EmailsView;
import io.bouncedesk.ui.emails.EmailsViewModel;
import io.bouncedesk.ui.recipients.EmailDetailsViewModel;
import io.bouncedesk.ui.recipients.RecipientsExportViewModel;
import io.bouncedesk.ui.recipients.RecipientsExporter;
import io.bouncedesk.ui.recipients.RecipientsView;
import io.bouncedesk.ui.recipients.RecipientsViewModel;
import javafx.scene.Node;

import java.util.Optional;

/** Builds each screen and its view model from the services of the open workspace. */
public final class Screens implements ScreenFactory {

    private final ReportService reports;
    private final RecipientService recipients;
    private final RecipientsExporter exporter;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final Formats f;
    private final User user;
    private final ShellViewModel shell;

    /** @param exporter the CSV export, or null until it exists (Export then says it is coming) */
    public Screens(ReportService reports, RecipientService recipients, RecipientsExporter exporter,
                   BackgroundTasks tasks, DialogService dialogs, Messages messages, Formats formats, User user,
                   ShellViewModel shell) {
        this.reports = reports;
        this.recipients = recipients;
        this.exporter = exporter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        this.f = formats;
        this.user = user;
        this.shell = shell;
    }

    @Override
    public Screen create(Place place) {
        return switch (place.section()) {
            case DASHBOARD -> dashboard();
            case EMAILS -> place.email() == null ? emails() : recipients(place.email());
            case CONTACTS -> Screen.of(new ComingSoonView(m.get("nav.contacts"), place.contactId() == null
                    ? m.get("coming.contacts") : m.format("coming.contact", place.contactLabel())));
            case AUDIT_LOG -> Screen.of(new ComingSoonView(m.get("nav.audit"), m.get("coming.audit")));
            case SETTINGS -> Screen.of(new ComingSoonView(m.get("nav.settings"), m.get("coming.settings")));
        };
    }

    private Screen dashboard() {
        DashboardViewModel vm = new DashboardViewModel(reports, tasks, m);
        vm.load();
        return Screen.of(new DashboardView(vm, m, f));
    }

    private Screen emails() {
        EmailsViewModel vm = new EmailsViewModel(reports, tasks, m, shell::openEmail);
        EmailsView view = new EmailsView(vm, m, f);
        vm.load();
        return new Screen() {
            @Override
            public Node node() {
                return view;
            }

            @Override
            public void dispose() {
                view.dispose();
            }
        };
    }

    private Screen recipients(EmailSummary email) {
        long id = email.email().id();
        RecipientsViewModel vm = new RecipientsViewModel(id, recipients, tasks, m,
                item -> shell.openContact(item.recipient().contactId(), item.contactName() + " <" + item.address() + ">"));
        EmailDetailsViewModel details = new EmailDetailsViewModel(id, recipients, tasks, dialogs, m,
                vm.selectedProperty());
        RecipientsExportViewModel export = new RecipientsExportViewModel(user, exporter, vm::query,
                "recipients-" + id, tasks, dialogs, m);
        String subtitle = m.format("recipients.subtitle", email.email().subject(), f.dateTime(email.email().sentAt()));
        RecipientsView view = new RecipientsView(vm, details, export, m, f, email.email().name(), subtitle,
                () -> shell.navigate(Section.EMAILS));
        vm.load();
        details.load();
        return new Screen() {
            @Override
            public Node node() {
                return view;
            }

            @Override
            public void dispose() {
                view.dispose();
            }

            @Override
            public Optional<Runnable> export() {
                return Optional.of(() -> export.chooseFileAndExport(false));
            }
        };
    }
}
