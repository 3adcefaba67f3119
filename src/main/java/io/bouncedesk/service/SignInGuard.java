package io.bouncedesk.service;

import io.bouncedesk.domain.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in with a lockout: after {@value #MAX_FAILURES} failed attempts in a row, sign-in is refused
 * for {@link #LOCK} (whatever the user name), so a password cannot be guessed at speed from the
 * console. While locked, no password is even checked. A success, or the end of a lock, starts the
 * count again. One guard serves one console (one sign-in screen).
 */
public final class SignInGuard {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofSeconds(30);

    /** Wrong user name or password; says how many attempts remain before the lock. */
    public static final class WrongCredentialsException extends RuntimeException {
        private final int attemptsLeft;

        WrongCredentialsException(int attemptsLeft) {
            super("Unknown user or wrong password.");
            this.attemptsLeft = attemptsLeft;
        }

        public int attemptsLeft() {
            return attemptsLeft;
        }
    }

    /** Too many failures in a row: sign-in is refused until the lock ends. */
    public static final class LockedException extends RuntimeException {
        private final Duration remaining;

        LockedException(Duration remaining) {
            super("Too many failed sign-ins; try again in " + seconds(remaining) + " s.");
            this.remaining = remaining;
        }

        public Duration remaining() {
            return remaining;
        }
    }

    private final UserService users;
    private final Clock clock;
    private int failuresInARow;
    private Instant lockedUntil;

    public SignInGuard(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Checks the credentials; throws {@link WrongCredentialsException} or {@link LockedException}. */
    public synchronized User signIn(String username, char[] password) {
        Duration remaining = lockRemaining();
        if (!remaining.isZero()) {
            throw new LockedException(remaining);
        }
        try {
            User user = users.authenticate(username, password);
            failuresInARow = 0;
            return user;
        } catch (UserService.BadCredentialsException e) {
            failuresInARow++;
            if (failuresInARow >= MAX_FAILURES) {
                failuresInARow = 0;
                lockedUntil = clock.instant().plus(LOCK);
                throw new LockedException(LOCK);
            }
            throw new WrongCredentialsException(MAX_FAILURES - failuresInARow);
        }
    }

    /** How long sign-in stays refused; zero when it is open. */
    public synchronized Duration lockRemaining() {
        if (lockedUntil == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), lockedUntil);
        if (left.isNegative() || left.isZero()) {
            lockedUntil = null;
            return Duration.ZERO;
        }
        return left;
    }

    public synchronized int failuresInARow() {
        return failuresInARow;
    }

    /** Whole seconds, rounded up, so "0 s" is never shown while still locked. */
    public static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
