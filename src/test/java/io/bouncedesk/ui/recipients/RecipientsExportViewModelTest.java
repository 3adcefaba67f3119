package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.ui.FakeDialogs;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientsExportViewModelTest {

    private final FakeDialogs dialogs = new FakeDialogs();
    private final Messages messages = Messages.of(Locale.ENGLISH);
    private final User viewer = new User(3, "support", "Sam Support", Role.VIEWER);
    private final RecipientQuery query = RecipientQuery.of(7, RecipientTab.BOUNCED).withSearch("anna");

    @Test
    void withoutTheExportServiceItSaysTheExportIsComingAndAsksForNoFile() {
        var vm = new RecipientsExportViewModel(viewer, null, () -> query, "recipients-7", BackgroundTasks.sameThread(),
                dialogs, messages);
        dialogs.fileAnswer = Path.of("x.csv");
        vm.chooseFileAndExport(false);
        assertThat(dialogs.infos).containsExactly(messages.get("export.coming"));
    }

    @Test
    void exportsTheCurrentQueryOrAllTabsThroughTheExporter() {
        record Call(User user, RecipientQuery query, boolean allTabs, Path file) {
        }
        List<Call> calls = new ArrayList<>();
        RecipientsExporter exporter = (u, q, all, file, progress) -> {
            calls.add(new Call(u, q, all, file));
            return 12;
        };
        var vm = new RecipientsExportViewModel(viewer, exporter, () -> query, "recipients-7",
                BackgroundTasks.sameThread(), dialogs, messages);
        assertThat(vm.canExport()).isTrue();
        dialogs.fileAnswer = Path.of("bounced.csv");
        vm.chooseFileAndExport(false);
        vm.export(Path.of("all.csv"), true);
        assertThat(calls).containsExactly(new Call(viewer, query, false, Path.of("bounced.csv")),
                new Call(viewer, query, true, Path.of("all.csv")));
        assertThat(dialogs.infos).hasSize(2).allMatch(s -> s.startsWith("12 recipients written"));
    }
}
