package io.bouncedesk.ui.signin;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SignInGuard;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {

    private final Services demo = DemoWorkspace.services();
    private final SettableClock clock = new SettableClock(DemoWorkspace.NOW, ZoneOffset.UTC);
    private final List<User> signedIn = new ArrayList<>();

    private SignInViewModel vm(Services services) {
        SignInViewModel vm = new SignInViewModel(new SignInGuard(services.users, clock), services.users,
                services.demoAccounts, BackgroundTasks.sameThread(), Messages.of(Locale.ENGLISH), signedIn::add);
        vm.load();
        return vm;
    }

    @Test
    void aDemoWorkspaceShowsItsDemoAccountsAndOneClickFillsThemIn() {
        SignInViewModel vm = vm(demo);
        assertThat(vm.modeProperty().get()).isEqualTo(SignInViewModel.Mode.SIGN_IN);
        assertThat(vm.demoAccounts()).extracting(a -> a.username()).containsExactly("admin", "marketer", "support");
        vm.useDemoAccount(vm.demoAccounts().get(2));
        vm.submit();
        assertThat(signedIn).singleElement().extracting(User::role).isEqualTo(Role.VIEWER);
    }

    @Test
    void aWrongPasswordSaysHowManyAttemptsAreLeftAndTheFifthLocksForThirtySeconds() {
        SignInViewModel vm = vm(demo);
        for (int i = 1; i <= 4; i++) {
            attempt(vm, "admin", "wrong");
            assertThat(vm.errorProperty().get()).startsWith("Wrong user name or password");
        }
        assertThat(vm.errorProperty().get()).contains("One more attempt");
        attempt(vm, "admin", "wrong");
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).contains("Try again in 30 s");
        assertThat(vm.canSubmitBinding().get()).isFalse();

        clock.advance(Duration.ofSeconds(12));
        vm.tick();
        assertThat(vm.errorProperty().get()).contains("Try again in 18 s");
        clock.advance(Duration.ofSeconds(18));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isFalse();
        attempt(vm, "admin", "demo");
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void aNewWorkspaceAsksForItsFirstSuperAdmin() throws Exception {
        Services empty = DemoWorkspace.empty();
        try {
            SignInViewModel vm = vm(empty);
            assertThat(vm.modeProperty().get()).isEqualTo(SignInViewModel.Mode.FIRST_ADMIN);
            assertThat(vm.demoAccounts()).isEmpty();
            vm.usernameProperty().set("olga");
            vm.displayNameProperty().set("Olga Owner");
            vm.passwordProperty().set("secret1");
            vm.repeatPasswordProperty().set("secret2");
            vm.submit();
            assertThat(vm.errorProperty().get()).isEqualTo("The two passwords differ.");
            vm.passwordProperty().set("secret1");
            vm.repeatPasswordProperty().set("secret1");
            vm.submit();
            assertThat(signedIn).singleElement().extracting(User::role).isEqualTo(Role.SUPER_ADMIN);
        } finally {
            empty.workspace.close();
        }
    }

    private static void attempt(SignInViewModel vm, String user, String password) {
        vm.usernameProperty().set(user);
        vm.passwordProperty().set(password);
        vm.submit();
    }
}
