package io.bouncedesk.ui;

import io.bouncedesk.TempFolders;
import io.bouncedesk.app.Services;
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
 * One small demo workspace (2,000 contacts, 6 emails) built once per test run and shared, read-only,
 * by the UI tests. Passwords are hashed with few iterations so signing in stays fast.
 */
public final class DemoWorkspace {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static Path file;
    private static Services services;

    private DemoWorkspace() {
    }

    public static synchronized Services services() {
        if (services == null) {
            build();
        }
        return services;
    }

    public static synchronized Path file() {
        services();
        return file;
    }

    private static void build() {
        file = TempFolders.create("bouncedesk-ui-demo").resolve("demo.db");
        services = new Services(Workspace.open(file), new SettableClock(NOW, ZoneOffset.UTC), new SimulatedTransport(42),
                new PasswordHasher(1_000));
        services.demo().generate(new DemoDataGenerator.Plan(2_000, 6, 42), Progress.NONE);
    }

    /** A new, empty workspace in its own temporary folder. */
    public static Services empty() {
        Path d = TempFolders.create("bouncedesk-ui-empty");
        return new Services(Workspace.open(d.resolve("empty.db")), new SettableClock(NOW, ZoneOffset.UTC),
                new SimulatedTransport(42), new PasswordHasher(1_000));
    }
}
