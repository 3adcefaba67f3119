package io.bouncedesk.ui.emails;

import io.bouncedesk.app.Services;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsViewModelTest {

    private final Services services = DemoWorkspace.services();
    private final List<EmailSummary> opened = new ArrayList<>();
    private final EmailsViewModel vm = new EmailsViewModel(services.reports, BackgroundTasks.sameThread(),
            Messages.of(Locale.ENGLISH), opened::add);

    @Test
    void listsEverySentEmailNewestFirstWithItsCountsAndHealth() {
        vm.load();
        assertThat(vm.emails()).hasSize(6);
        assertThat(vm.emails()).isSortedAccordingTo((a, b) -> b.email().sentAt().compareTo(a.email().sentAt()));
        assertThat(vm.emails()).allMatch(e -> e.counts().total() > 0);
    }

    @Test
    void searchesByNameOrSubject() {
        vm.load();
        EmailSummary first = vm.emails().get(0);
        String word = first.email().subject().split(" ")[0];
        vm.search(word);
        assertThat(vm.emails()).isNotEmpty().allMatch(e -> (e.email().name() + " " + e.email().subject())
                .toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)));
        vm.search("no email is called this");
        assertThat(vm.emails()).isEmpty();
    }

    @Test
    void opensAnEmail() {
        vm.load();
        vm.open(vm.emails().get(1));
        vm.open(null);
        assertThat(opened).containsExactly(vm.emails().get(1));
    }
}
