package io.bouncedesk.ui.bounces;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReclassifyViewModelTest {

    private final List<String> calls = new ArrayList<>();
    private final List<BounceRow> done = new ArrayList<>();
    private final Messages m = Messages.of(Locale.ENGLISH);
    private RuntimeException refusal;

    private ReclassifyViewModel vm(Role role) {
        Reclassifier service = (user, id, reason, type, comment) -> {
            if (refusal != null) {
                throw refusal;
            }
            calls.add(id + " " + reason.code() + " " + type + " " + comment);
            return null;
        };
        return new ReclassifyViewModel(new User(1, "u", "U", role), 7, BounceReason.USERUNKNOWN, BounceType.HARD,
                service, BackgroundTasks.sameThread(), m, done::add);
    }

    @Test
    void theTypeFollowsTheReasonAndOnlyNotacceptOffersBoth() {
        ReclassifyViewModel vm = vm(Role.MARKETING_EMAIL);
        assertThat(vm.types()).containsExactly(BounceType.HARD);
        vm.reasonProperty().set(BounceReason.MAILBOXFULL);
        assertThat(vm.types()).containsExactly(BounceType.SOFT);
        assertThat(vm.typeProperty().get()).isEqualTo(BounceType.SOFT);
        vm.reasonProperty().set(BounceReason.NOTACCEPT);
        assertThat(vm.types()).containsExactly(BounceType.HARD, BounceType.SOFT);
        vm.typeProperty().set(BounceType.SOFT);
        vm.reasonProperty().set(BounceReason.HOSTUNKNOWN);
        assertThat(vm.typeProperty().get()).isEqualTo(BounceType.HARD);
        assertThat(ReclassifyViewModel.REASONS).doesNotContain(BounceReason.FEEDBACK, BounceReason.DELIVERED,
                BounceReason.VACATION);
        assertThat(vm.label(BounceReason.FILTERED)).isEqualTo("filtered  ·  Content");
    }

    @Test
    void aCommentAndAChangeAreRequiredBeforeSaving() {
        ReclassifyViewModel vm = vm(Role.MARKETING_EMAIL);
        assertThat(vm.canSaveBinding().get()).isFalse();
        assertThat(vm.problem()).contains("different reason");
        vm.reasonProperty().set(BounceReason.FILTERED);
        assertThat(vm.problem()).contains("comment is required");
        vm.save();
        assertThat(calls).isEmpty();
        assertThat(vm.errorProperty().get()).contains("comment is required");
        vm.commentProperty().set("   ");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.commentProperty().set("  Security filter, not an unknown user ");
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.save();
        assertThat(calls).containsExactly("7 filtered SOFT Security filter, not an unknown user");
        assertThat(done).hasSize(1);
    }

    @Test
    void theServicesRefusalIsShown() {
        ReclassifyViewModel vm = vm(Role.SUPER_ADMIN);
        refusal = new IllegalArgumentException("No bounce with id 7.");
        vm.reasonProperty().set(BounceReason.BLOCKED);
        vm.commentProperty().set("why");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo("No bounce with id 7.");
        assertThat(done).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aViewerCannotReclassify() {
        ReclassifyViewModel vm = vm(Role.VIEWER);
        vm.reasonProperty().set(BounceReason.BLOCKED);
        vm.commentProperty().set("why");
        assertThat(vm.canSaveBinding().get()).isFalse();
        assertThat(vm.problem()).contains("Marketing email or Super admin");
    }
}
