package io.bouncedesk.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that tests and the demo generator move by hand, so months of sending run in seconds. */
public final class SettableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public SettableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return SettableClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return SettableClock.this.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
