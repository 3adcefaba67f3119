package io.bouncedesk.service;

import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AuditDao;
import io.bouncedesk.persistence.UserDao;
import io.bouncedesk.persistence.TestDatabases;
import io.bouncedesk.persistence.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInGuardTest {

    @TempDir
    Path dir;
    private Workspace workspace;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private SignInGuard guard;

    @BeforeEach
    void setUp() {
        workspace = TestDatabases.fresh(dir);
        UserService users = new UserService(workspace.jdbi(), new UserDao(), new PasswordHasher(1_000),
                new AuditLogger(new AuditDao(), clock), clock);
        User admin = users.createFirstAdmin("admin", "Alex Admin", "right".toCharArray());
        users.create(admin, "support", "Sam Support", Role.VIEWER, "other".toCharArray());
        guard = new SignInGuard(users, clock);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.dispose(workspace);
    }

    @Test
    void signsInWithTheRightPassword() {
        assertThat(guard.signIn("admin", "right".toCharArray()).role()).isEqualTo(Role.SUPER_ADMIN);
    }

    @Test
    void eachWrongPasswordSaysHowManyAttemptsRemain() {
        for (int left = 4; left >= 1; left--) {
            int expected = left;
            assertThatThrownBy(() -> guard.signIn("admin", "wrong".toCharArray()))
                    .isInstanceOfSatisfying(SignInGuard.WrongCredentialsException.class,
                            e -> assertThat(e.attemptsLeft()).isEqualTo(expected));
        }
    }

    @Test
    void theFifthFailureInARowLocksForThirtySecondsEvenForTheRightPassword() {
        failTimes(4);
        assertThatThrownBy(() -> guard.signIn("nobody", "x".toCharArray()))
                .isInstanceOfSatisfying(SignInGuard.LockedException.class,
                        e -> assertThat(e.remaining()).isEqualTo(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> guard.signIn("admin", "right".toCharArray()))
                .isInstanceOfSatisfying(SignInGuard.LockedException.class,
                        e -> assertThat(SignInGuard.seconds(e.remaining())).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.lockRemaining()).isZero();
        assertThat(guard.signIn("admin", "right".toCharArray()).username()).isEqualTo("admin");
    }

    @Test
    void failuresCountInARowAcrossUserNamesAndASuccessStartsAgain() {
        failTimes(2);
        assertThatThrownBy(() -> guard.signIn("support", "wrong".toCharArray()))
                .isInstanceOf(SignInGuard.WrongCredentialsException.class);
        assertThat(guard.failuresInARow()).isEqualTo(3);
        guard.signIn("support", "other".toCharArray());
        assertThat(guard.failuresInARow()).isZero();
        failTimes(4);
        assertThat(guard.lockRemaining()).isZero();
    }

    @Test
    void afterALockEndsTheUserHasFiveAttemptsAgain() {
        failTimes(5);
        clock.advance(SignInGuard.LOCK);
        failTimes(4);
        assertThat(guard.lockRemaining()).isZero();
        failTimes(1);
        assertThat(guard.lockRemaining()).isEqualTo(SignInGuard.LOCK);
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            try {
                guard.signIn("admin", "wrong".toCharArray());
            } catch (SignInGuard.WrongCredentialsException | SignInGuard.LockedException expected) {
                // counted
            }
        }
    }
}
