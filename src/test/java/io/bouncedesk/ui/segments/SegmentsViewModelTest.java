package io.bouncedesk.ui.segments;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.FakeDialogs;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment creation, validation, the member pages and the CSV export; no toolkit. */
class SegmentsViewModelTest {

    @TempDir
    static Path dir;
    static SmallWorkspace ws;
    final Messages m = Messages.of(Locale.ENGLISH);
    final FakeDialogs dialogs = new FakeDialogs();
    final BackgroundTasks tasks = BackgroundTasks.sameThread();

    @BeforeAll
    static void build() {
        ws = new SmallWorkspace(dir, 600, 3);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private SegmentFormViewModel form(User user, List<SegmentService.Segment> created) {
        return new SegmentFormViewModel(user, ws.services.segments, ws.services.reports, tasks, m, created::add);
    }

    private SegmentsViewModel list(User user) {
        return new SegmentsViewModel(user, ws.services.segments, ws.services.exports, new CsvOptions(',', false), tasks,
                dialogs, m);
    }

    @Test
    void aSegmentNeedsANameAndAValidDomainAndAFreeName() {
        List<SegmentService.Segment> created = new ArrayList<>();
        SegmentFormViewModel form = form(ws.user("marketer"), created);
        form.save();
        assertThat(form.errorProperty().get()).isEqualTo("Give the segment a name.");
        form.nameProperty().set("Bounced unknown users");
        form.domainProperty().set("anna@wp.pl");
        form.save();
        assertThat(form.errorProperty().get()).contains("is not a domain name");
        form.domainProperty().set("");
        form.statusProperty().set(ContactStatus.BOUNCED);
        form.categoryProperty().set(BounceCategory.UNKNOWN_USER);
        form.save();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).filter().category()).isEqualTo(BounceCategory.UNKNOWN_USER);
        form.save(); // the same name again: the service's refusal is shown
        assertThat(form.errorProperty().get()).contains("exists already");
        assertThat(created).hasSize(1);
    }

    @Test
    void aViewerSeesWhyTheyCannotCreate() {
        SegmentFormViewModel form = form(ws.user("support"), new ArrayList<>());
        form.nameProperty().set("Mine");
        form.save();
        assertThat(form.errorProperty().get()).contains("Viewer").contains("not create");
        assertThat(list(ws.user("support")).canEdit()).isFalse();
        assertThat(list(ws.user("support")).readOnlyReason()).contains("Viewer");
    }

    @Test
    void theDashboardDomainPrefillsTheForm() {
        SegmentFormViewModel form = form(ws.user("marketer"), new ArrayList<>());
        form.reset("wp.pl");
        assertThat(form.domainProperty().get()).isEqualTo("wp.pl");
        assertThat(form.nameProperty().get()).isEqualTo("Contacts at wp.pl");
        assertThat(form.filter().receivingDomain()).isEqualTo("wp.pl");
    }

    @Test
    void aStaticSegmentFromTheBouncedTabListsItsMembersAndExportsThem() throws Exception {
        long emailId = ws.services.reports.emails(null).get(0).email().id();
        RecipientQuery q = RecipientQuery.of(emailId, RecipientTab.BOUNCED);
        SegmentFromRecipientsViewModel create = new SegmentFromRecipientsViewModel(ws.user("marketer"),
                ws.services.segments, () -> q, "Spring", tasks, dialogs, m);
        assertThat(create.suggestedName()).isEqualTo("Bounced – Spring");
        create.create(" ");
        assertThat(dialogs.errors).containsExactly("Give the segment a name.");
        create.create("Bounced on the first");
        assertThat(dialogs.infos).hasSize(1);
        assertThat(dialogs.infos.get(0)).startsWith("Segment \"Bounced on the first\" created with");
        assertThat(SegmentFromRecipientsViewModel.offeredOn(RecipientTab.NOT_SENT)).isTrue();
        assertThat(SegmentFromRecipientsViewModel.offeredOn(RecipientTab.DELIVERED)).isFalse();

        SegmentsViewModel vm = list(ws.user("marketer"));
        vm.load();
        SegmentsViewModel.SegmentItem item = vm.items().stream()
                .filter(i -> i.segment().name().equals("Bounced on the first")).findFirst().orElseThrow();
        long contacts = ws.services.segments.count(item.segment().id());
        assertThat(item.members()).isEqualTo(contacts).isPositive();
        vm.selectedProperty().set(item);
        assertThat(vm.members()).hasSize((int) Math.min(contacts, SegmentsViewModel.PAGE));
        assertThat(vm.memberCountProperty().get()).isEqualTo(contacts);

        Path out = dir.resolve("members.csv");
        dialogs.fileAnswer = out;
        vm.chooseFileAndExport();
        assertThat(Files.readAllLines(out)).hasSize((int) contacts + 1);
        assertThat(dialogs.infos.get(dialogs.infos.size() - 1)).contains(contacts + " contacts written");

        vm.delete();
        assertThat(vm.items()).noneMatch(i -> i.segment().name().equals("Bounced on the first"));
    }
}
