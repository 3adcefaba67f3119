package io.bouncedesk.service;

import io.bouncedesk.persistence.SettingsDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/** Workspace-wide settings: the time zone in which calendar months (the unbounce quota) are counted. */
public final class WorkspaceSettings {

    static final String TIME_ZONE = "time_zone";
    static final String TRANSPORT_SEED = "transport_seed";

    private final Jdbi jdbi;
    private final SettingsDao dao;
    private final Clock clock;

    public WorkspaceSettings(Jdbi jdbi, SettingsDao dao, Clock clock) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.clock = clock;
    }

    public ZoneId timeZone() {
        return jdbi.withHandle(this::timeZone);
    }

    ZoneId timeZone(Handle h) {
        return dao.get(h, TIME_ZONE).map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    public void setTimeZone(ZoneId zone) {
        jdbi.useHandle(h -> dao.put(h, TIME_ZONE, zone.getId()));
    }

    /** The seed of the simulated transport, so later sends meet the same simulated servers as the demo's. */
    public long transportSeed() {
        return jdbi.withHandle(h -> dao.get(h, TRANSPORT_SEED).map(Long::parseLong).orElse(42L));
    }

    public void setTransportSeed(long seed) {
        jdbi.useHandle(h -> dao.put(h, TRANSPORT_SEED, Long.toString(seed)));
    }

    /** The current calendar month in the workspace's time zone, e.g. "2026-11". */
    YearMonth currentMonth(Handle h) {
        return YearMonth.now(clock.withZone(timeZone(h)));
    }
}
