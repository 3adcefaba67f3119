package io.bouncedesk.ui.imports;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.ColumnMapping;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.FakeDialogs;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.imports.ImportWizardViewModel.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWizardViewModelTest {

    static final String GOOD = "E-mail;Jméno;Příjmení;Firma\nana@example.org;Ana;Novák;Acme\nbo@example.org;Bo;Dvořák;Beta\n";
    static final String ONE_BAD = "email,first name,last name\nana@example.org,Ana,N\nnot-an-address,Bo,D\ncy@example.org,Cy,E\n";

    @TempDir
    Path dir;
    private final Services services = DemoWorkspace.empty();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Messages m = Messages.of(Locale.ENGLISH);
    private final User marketer = new User(2, "marketer", "Maja Marketing", Role.MARKETING_EMAIL);

    ImportWizardViewModelTest() throws Exception {
    }

    @AfterEach
    void close() {
        services.workspace.close();
    }

    private ImportWizardViewModel vm(User user, BackgroundTasks tasks) {
        return new ImportWizardViewModel(user, ImportServices.of(services.contactImports, services.globalBounceImports,
                services.eventImports, services.bounceImports), tasks, dialogs, m);
    }

    private Path file(String name, String text, java.nio.charset.Charset cs) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, cs);
        return p;
    }

    private long contacts() {
        return services.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one());
    }

    @Test
    void aViewerIsToldWhyAndGetsNoFurther() throws Exception {
        ImportWizardViewModel vm = vm(new User(3, "support", "Sam", Role.VIEWER), BackgroundTasks.sameThread());
        vm.useFile(file("c.csv", GOOD, StandardCharsets.UTF_8));
        assertThat(vm.allowed()).isFalse();
        assertThat(vm.canGoNext()).isFalse();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.KIND);
        assertThat(vm.errorProperty().get()).contains("Marketing email or Super admin");
    }

    @Test
    void aGoodContactsFileIsPreviewedMappedCheckedAndImported() throws Exception {
        ImportWizardViewModel vm = vm(marketer, BackgroundTasks.sameThread());
        assertThat(vm.canGoNext()).as("no file yet").isFalse();
        dialogs.fileAnswer = file("contacts.csv", GOOD, StandardCharsets.UTF_8);
        vm.chooseFile();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(vm.delimiterProperty().get()).isEqualTo(';');
        assertThat(vm.encodingProperty().get()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(vm.previewProperty().get().firstRows()).hasSize(2);

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.MAPPING);
        MappingModel mapping = vm.mapping();
        assertThat(mapping.column(ColumnMapping.Field.EMAIL).get()).isZero();
        assertThat(mapping.column(ColumnMapping.Field.COMPANY).get()).isEqualTo(3);
        // Taking the email column away blocks the step, with a reason.
        mapping.column(ColumnMapping.Field.EMAIL).set(MappingModel.NONE);
        assertThat(vm.canGoNext()).isFalse();
        vm.next();
        assertThat(vm.errorProperty().get()).contains("email address");
        mapping.column(ColumnMapping.Field.EMAIL).set(0);
        // A column serves one field: choosing column 3 for first name takes it from company.
        mapping.column(ColumnMapping.Field.FIRST_NAME).set(3);
        assertThat(mapping.column(ColumnMapping.Field.COMPANY).get()).isEqualTo(MappingModel.NONE);
        mapping.column(ColumnMapping.Field.FIRST_NAME).set(1);
        mapping.column(ColumnMapping.Field.COMPANY).set(3);

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECK);
        assertThat(vm.resultProperty().get()).startsWith("All 2 rows can be imported: 2 new");
        assertThat(contacts()).as("a dry run writes nothing").isZero();

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.succeededProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo("Imported: 2 new, 0 updated, 0 unchanged.");
        assertThat(contacts()).isEqualTo(2);
    }

    @Test
    void oneBadRowIsShownWithItsLineAndNothingCanBeImported() throws Exception {
        ImportWizardViewModel vm = vm(marketer, BackgroundTasks.sameThread());
        vm.useFile(file("bad.csv", ONE_BAD, StandardCharsets.UTF_8));
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.CHECK);
        assertThat(vm.succeededProperty().get()).isFalse();
        assertThat(vm.resultProperty().get()).startsWith("Nothing would be imported because 1 row was rejected");
        assertThat(vm.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("3"));
        assertThat(vm.canGoNext()).isFalse();
        assertThat(contacts()).isZero();

        Path report = dir.resolve("report.csv");
        dialogs.fileAnswer = report;
        vm.saveReport();
        assertThat(Files.readString(report)).contains("line").contains("3");
        vm.back();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.MAPPING);
    }

    @Test
    void cancelDuringTheImportRollsBackAndSaysNothingWasImported() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        ImportWizardViewModel vm = vm(marketer, new BackgroundTasks(r -> {
            if (queued.isEmpty() && r != null) {
                queued.add(r);
            }
        }, Runnable::run));
        // Preview, mapping and check run at once (no queue yet)...
        ImportWizardViewModel direct = vm(marketer, BackgroundTasks.sameThread());
        assertThat(direct).isNotNull();
        vm.useFile(file("c.csv", GOOD, StandardCharsets.UTF_8));
        vm.next(); // the preview is queued
        queued.remove(0).run();
        vm.next();
        vm.next(); // the dry run is queued
        queued.remove(0).run();
        vm.next(); // the import is queued
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RUNNING);
        assertThat(vm.runningProperty().get()).isTrue();
        vm.cancel();
        queued.remove(0).run();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.resultProperty().get()).isEqualTo("Cancelled. Nothing was imported.");
        assertThat(contacts()).isZero();
    }

    @Test
    void changingTheDelimiterReadsThePreviewAgain() throws Exception {
        ImportWizardViewModel vm = vm(marketer, BackgroundTasks.sameThread());
        vm.useFile(file("c.csv", GOOD, StandardCharsets.UTF_8));
        vm.next();
        assertThat(vm.previewProperty().get().header()).hasSize(4);
        vm.delimiterProperty().set(',');
        assertThat(vm.previewProperty().get().delimiter()).isEqualTo(',');
        assertThat(vm.previewProperty().get().header()).hasSize(1);
    }

    @Test
    void eventsWithBadLinesImportTheOthersAndListTheProblems() throws Exception {
        ImportWizardViewModel vm = vm(marketer, BackgroundTasks.sameThread());
        vm.kindProperty().set(ImportKind.BOUNCE_MESSAGES);
        Path folder = Files.createDirectories(dir.resolve("bounces"));
        Files.write(folder.resolve("broken.eml"), new byte[] {0, 1, 2});
        Files.writeString(folder.resolve("hello.eml"), "From: a@example.org\r\nSubject: hi\r\n\r\nJust a note.\r\n");
        dialogs.fileAnswer = folder;
        vm.chooseFolder();
        assertThat(vm.fileProperty().get()).as("FakeDialogs has no folder chooser").isNull();
        vm.useFile(folder);
        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.resultProperty().get()).contains("0 imported");
    }
}
