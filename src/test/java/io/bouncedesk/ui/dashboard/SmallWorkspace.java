package io.bouncedesk.ui.dashboard;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A small demo workspace of its own for tests that change things (segments, domains, users), so
 * the shared read-only demo workspace stays as other tests expect it.
 */
public final class SmallWorkspace implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    public final Path file;
    public final Services services;

    public SmallWorkspace(Path dir, int contacts, int emails) {
        file = dir.resolve("small.db");
        services = new Services(Workspace.open(file), new SettableClock(NOW, ZoneOffset.UTC), new SimulatedTransport(42),
                new PasswordHasher(1_000));
        services.demo().generate(new DemoDataGenerator.Plan(contacts, emails, 42), Progress.NONE);
    }

    public User user(String username) {
        return services.users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        services.workspace.close();
    }
}
