package io.bouncedesk.app;

import io.bouncedesk.bounce.BounceMessageParser;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AuditDao;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.AuditQueryDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactListDao;
import io.bouncedesk.persistence.ContactImportDao;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.IngestDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientExportDao;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.SegmentDao;
import io.bouncedesk.persistence.SendingSetupDao;
import io.bouncedesk.persistence.SettingsDao;
import io.bouncedesk.persistence.UnbounceDao;
import io.bouncedesk.persistence.UserDao;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.AuditLogger;
import io.bouncedesk.service.AuditService;
import io.bouncedesk.service.ContactListService;
import io.bouncedesk.service.BounceRecorder;
import io.bouncedesk.service.ContactImportService;
import io.bouncedesk.service.ContactService;
import io.bouncedesk.service.ContactStatusUpdater;
import io.bouncedesk.service.DeliveryTransport;
import io.bouncedesk.service.DemoAccounts;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.EngagementService;
import io.bouncedesk.service.ExportService;
import io.bouncedesk.service.EventImportService;
import io.bouncedesk.service.BounceMessageImportService;
import io.bouncedesk.service.ReclassifyService;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.service.SettingsService;
import io.bouncedesk.service.DashboardService;
import io.bouncedesk.service.BounceMailboxService;
import io.bouncedesk.service.ObservationIngest;
import io.bouncedesk.service.GlobalBounceImportService;
import io.bouncedesk.service.GlobalBounceService;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.service.RetryProcessor;
import io.bouncedesk.service.SendPlanner;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SignInGuard;
import io.bouncedesk.service.SoftBouncePolicy;
import io.bouncedesk.service.UnbounceService;
import io.bouncedesk.service.UserService;
import io.bouncedesk.service.WorkspaceSettings;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * The composition root: builds every DAO and service of one open workspace once and wires them
 * by constructor. The console and the command line both start here.
 */
public final class Services {

    public final Workspace workspace;
    public final Clock clock;
    public final Jdbi jdbi;
    public final UserService users;
    public final ContactService contacts;
    public final ContactListService contactList;
    public final AuditService auditLog;
    public final UnbounceService unbounce;
    public final SendPlanner sendPlanner;
    public final RetryProcessor retries;
    public final ReportService reports;
    public final EngagementService engagement;
    public final GlobalBounceService globalBounces;
    public final ContactImportService contactImports;
    public final GlobalBounceImportService globalBounceImports;
    public final WorkspaceSettings settings;
    public final RecipientService recipients;
    public final SignInGuard signIn;
    public final DemoAccounts demoAccounts;
    public final ExportService exports;
    public final EventImportService eventImports;
    public final BounceMessageImportService bounceImports;
    public final ReclassifyService reclassify;
    public final BounceMailboxService mailbox;
    public final SegmentService segments;
    public final SettingsService settingsAdmin;
    public final DashboardService dashboard;
    private final DemoDataGenerator demo;

    public Services(Workspace workspace, Clock clock, DeliveryTransport transport) {
        this(workspace, clock, transport, new PasswordHasher());
    }

    /** With a given hasher: tests use fewer PBKDF2 iterations to stay fast. */
    public Services(Workspace workspace, Clock clock, DeliveryTransport transport, PasswordHasher hasher) {
        this.workspace = workspace;
        this.clock = clock;
        this.jdbi = workspace.jdbi();
        AddressDao addressDao = new AddressDao();
        ContactDao contactDao = new ContactDao();
        BounceDao bounceDao = new BounceDao();
        EmailDao emailDao = new EmailDao();
        RecipientDao recipientDao = new RecipientDao();
        UnbounceDao unbounceDao = new UnbounceDao();
        SendingSetupDao sendingDao = new SendingSetupDao();
        GlobalBounceDao globalDao = new GlobalBounceDao();
        AuditLogger audit = new AuditLogger(new AuditDao(), clock);
        ContactStatusUpdater statuses = new ContactStatusUpdater(contactDao, clock);
        BounceRecorder recorder = new BounceRecorder(addressDao, bounceDao, statuses, SoftBouncePolicy.standard());

        this.settings = new WorkspaceSettings(jdbi, new SettingsDao(), clock);
        this.users = new UserService(jdbi, new UserDao(), hasher, audit, clock);
        this.contacts = new ContactService(jdbi, contactDao, addressDao, bounceDao, globalDao, unbounceDao,
                recipientDao, emailDao, statuses, audit, clock);
        this.contactList = new ContactListService(jdbi, new ContactListDao());
        this.auditLog = new AuditService(jdbi, new AuditQueryDao());
        this.unbounce = new UnbounceService(jdbi, contactDao, addressDao, bounceDao, unbounceDao, sendingDao,
                statuses, settings, audit, clock);
        this.sendPlanner = new SendPlanner(jdbi, emailDao, recipientDao, recorder, transport, audit, clock);
        this.retries = new RetryProcessor(jdbi, recipientDao, addressDao, emailDao, recorder, transport);
        this.reports = new ReportService(jdbi, contactDao, emailDao, recipientDao, unbounce);
        this.engagement = new EngagementService(recipientDao, contactDao, statuses);
        this.globalBounces = new GlobalBounceService(globalDao, addressDao, statuses, clock);
        this.contactImports = new ContactImportService(jdbi, new ContactImportDao(), addressDao, contactDao, audit, clock);
        this.globalBounceImports = new GlobalBounceImportService(jdbi, globalDao, globalBounces, settings, audit, clock);
        ObservationIngest ingest = new ObservationIngest(addressDao, contactDao, recipientDao, new IngestDao(), recorder,
                engagement, statuses, clock);
        this.eventImports = new EventImportService(jdbi, ingest, audit);
        this.bounceImports = new BounceMessageImportService(jdbi, new BounceMessageParser(), ingest, new IngestDao(),
                audit, clock);
        this.segments = new SegmentService(jdbi, new SegmentDao(), audit, clock);
        this.settingsAdmin = new SettingsService(jdbi, sendingDao, new UserDao(), hasher, audit);
        this.dashboard = new DashboardService(jdbi, settings, reports, clock);
        this.mailbox = new BounceMailboxService(jdbi, new SettingsDao(), bounceImports, audit);
        this.reclassify = new ReclassifyService(jdbi, bounceDao, addressDao, statuses, audit, clock);
        this.exports = new ExportService(jdbi, new RecipientListDao(), new RecipientExportDao(), emailDao, contactDao, new AuditDao(), settings);
        this.recipients = new RecipientService(jdbi, new RecipientListDao(), recipientDao, emailDao, sendingDao, settings);
        this.signIn = new SignInGuard(users, clock);
        this.demoAccounts = new DemoAccounts(users);
        this.demo = clock instanceof SettableClock settable
                ? new DemoDataGenerator(jdbi, addressDao, contactDao, recipientDao, sendingDao, settings, users,
                sendPlanner, retries, engagement, globalBounces, unbounce, settable)
                : null;
    }

    /** The simulated transport's seed stored in the workspace (the demo's seed). */
    public static long transportSeed(Workspace workspace) {
        return new WorkspaceSettings(workspace.jdbi(), new SettingsDao(), Clock.systemUTC()).transportSeed();
    }

    /** The demo generator; it moves time, so it exists only on services built with a {@link SettableClock}. */
    public DemoDataGenerator demo() {
        if (demo == null) {
            throw new IllegalStateException("demo data needs services built on a SettableClock");
        }
        return demo;
    }
}
