package io.bouncedesk.service;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.NewContact;
import io.bouncedesk.persistence.SendingSetupDao;
import io.bouncedesk.persistence.TestDatabases;
import io.bouncedesk.persistence.Workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A real workspace (a SQLite file in a temporary folder, or a fresh PostgreSQL database when the
 * suite runs against PostgreSQL; see {@link TestDatabases}) with a hand-moved clock and a scripted transport, for
 * service tests: no mocks of the database.
 */
public final class TestWorkspace implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    public final Workspace workspace;
    public final SettableClock clock;
    public final ScriptedTransport transport;
    public final Services services;
    public final User admin;
    public final User marketer;
    public final User viewer;

    public TestWorkspace(Path dir) {
        this.workspace = TestDatabases.fresh(dir);
        this.clock = new SettableClock(START, ZoneId.of("UTC"));
        this.transport = new ScriptedTransport();
        this.services = new Services(workspace, clock, transport, new PasswordHasher(1_000));
        services.settings.setTimeZone(ZoneId.of("Europe/Warsaw"));
        this.admin = services.users.createFirstAdmin("admin", "Admin", "secret".toCharArray());
        this.marketer = services.users.create(admin, "marketer", "Marketer", Role.MARKETING_EMAIL, "secret".toCharArray());
        this.viewer = services.users.create(admin, "support", "Support", Role.VIEWER, "secret".toCharArray());
    }

    public void connectSendingDomain() {
        services.jdbi.useHandle(h -> new SendingSetupDao().addDomain(h, "mail.example.eu", true, "PASS", "PASS", "PASS"));
    }

    /** Adds a confirmed, subscribed contact and returns its id. */
    public long contact(String address) {
        return contact(address, false, true);
    }

    public long contact(String address, boolean purchased, boolean confirmed) {
        return services.jdbi.inTransaction(h -> {
            long addressId = new AddressDao().getOrCreate(h, EmailAddress.of(address));
            return new ContactDao().insert(h, new NewContact("Test", address.substring(0, address.indexOf('@')), "",
                    purchased ? "Purchased list" : "Test", purchased, addressId, confirmed, null, null,
                    io.bouncedesk.domain.ContactStatus.derive(false, false, false, confirmed), clock.instant()));
        });
    }

    /** Inserts {@code n} plain contacts quickly (for quota sizes). */
    public void bulkContacts(int n) {
        services.jdbi.useTransaction(h -> {
            AddressDao addresses = new AddressDao();
            long next = addresses.nextId(h);
            var rows = new java.util.ArrayList<java.util.Map.Entry<Long, EmailAddress>>();
            var contacts = new java.util.ArrayList<NewContact>();
            for (int i = 0; i < n; i++) {
                long id = next + i;
                rows.add(java.util.Map.entry(id, EmailAddress.of("bulk" + id + "@example.org")));
                contacts.add(new NewContact("Bulk", "" + id, "", "Test", false, id, true, null, null,
                        io.bouncedesk.domain.ContactStatus.ACTIVE, clock.instant()));
            }
            addresses.insertBatch(h, rows);
            new ContactDao().insertBatch(h, contacts);
        });
    }

    public SendReport send(String name) {
        return services.sendPlanner.send(marketer, new EmailDraft(name, "Subject of " + name, "Example",
                "news@mail.example.eu"), Audience.all(), Progress.NONE);
    }

    @Override
    public void close() {
        TestDatabases.dispose(workspace);
    }
}
