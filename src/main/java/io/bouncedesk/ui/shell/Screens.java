package io.bouncedesk.ui.shell;

import io.bouncedesk.domain.User;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.ui.bounces.BounceActions;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
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
    private final BounceActions bounces;

    /**
     * @param exporter the CSV export, or null until it exists (Export then says it is coming)
     * @param bounces  the original-message viewer and Reclassify of bounce rows; null offers neither
     */
    public Screens(ReportService reports, RecipientService recipients, RecipientsExporter exporter,
                   BackgroundTasks tasks, DialogService dialogs, Messages messages, Formats formats, User user,
                   ShellViewModel shell, BounceActions bounces) {
        this.bounces = bounces;
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

    /** Sections built by a feature's own factory (Dashboard, Segments, Settings), in place of the defaults. */
    private final java.util.Map<Section, ScreenFactory> routes = new java.util.EnumMap<>(Section.class);
    /** What a feature adds to a Recipients view. */
    @FunctionalInterface
    public interface RecipientsExtras {
        void add(RecipientsView view, RecipientsViewModel vm, EmailSummary email);
    }

    private RecipientsExtras recipientsExtras = (v, vm, e) -> { };

    /** Routes {@code section} to {@code factory}. */
    public Screens route(Section section, ScreenFactory factory) {
        routes.put(section, factory);
        return this;
    }

    /** Lets a feature add to every Recipients view (the segment button). */
    public Screens withRecipientsExtras(RecipientsExtras extras) {
        this.recipientsExtras = extras;
        return this;
    }

    @Override
    public Screen create(Place place) {
        if (routes.containsKey(place.section())) {
            return routes.get(place.section()).create(place);
        }
        return switch (place.section()) {
            case DASHBOARD -> dashboard();
            case EMAILS -> place.email() == null ? emails() : recipients(place.email());
            case CONTACTS -> contactScreens == null ? Screen.of(new ComingSoonView(m.get("nav.contacts"),
                    m.get("coming.contacts"))) : contacts(place);
            case AUDIT_LOG -> audit == null ? Screen.of(new ComingSoonView(m.get("nav.audit"), m.get("coming.audit")))
                    : auditLog();
            case SETTINGS -> Screen.of(new ComingSoonView(m.get("nav.settings"), m.get("coming.settings")));
            case SEGMENTS -> Screen.of(new ComingSoonView(m.get("nav.segments"), ""));
        };
    }

    /** Adds the Contacts list and records and the Audit log; without them those sections say they are coming. */
    public Screens withContacts(io.bouncedesk.ui.contacts.ContactScreens contacts,
                                io.bouncedesk.service.AuditService auditLog) {
        this.contactScreens = contacts;
        this.audit = auditLog;
        return this;
    }

    private io.bouncedesk.ui.contacts.ContactScreens contactScreens;
    private io.bouncedesk.service.AuditService audit;

    private Screen contacts(Place place) {
        if (place.contactId() == null) {
            var view = contactScreens.contacts(item -> shell.openContact(item.id(), item.label()));
            return Screen.of(view, view::dispose);
        }
        var record = contactScreens.record(place.contactId(), shell::back);
        return Screen.of(record, record::dispose, record::refresh);
    }

    private Screen auditLog() {
        var vm = new io.bouncedesk.ui.audit.AuditViewModel(audit, tasks, m, f.zone());
        vm.load();
        return Screen.of(new io.bouncedesk.ui.audit.AuditView(vm, m, f));
    }

    /** The dashboard needs the dashboard service: the composition root routes it (see {@link #route}). */
    private Screen dashboard() {
        return Screen.of(new ComingSoonView(m.get("nav.dashboard"), ""));
    }

    private Screen emails() {
        EmailsViewModel vm = new EmailsViewModel(reports, tasks, m, shell::openEmail);
        EmailsView view = new EmailsView(vm, m, f);
        vm.load();
        return Screen.of(view, view::dispose, vm::load);
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
                () -> shell.navigate(Section.EMAILS), bounces);
        recipientsExtras.add(view, vm, email);
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
            public void refresh() {
                vm.refresh();
                details.load();
            }

            @Override
            public Optional<Runnable> export() {
                return Optional.of(() -> export.chooseFileAndExport(false));
            }

            @Override
            public Object state() {
                return vm.tabProperty().get();
            }

            @Override
            public void restore(Object state) {
                if (state instanceof io.bouncedesk.domain.RecipientTab tab) {
                    vm.selectTab(tab);
                }
            }
        };
    }
}
