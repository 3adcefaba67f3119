package io.bouncedesk.ui.shell;

import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.ui.FakeDialogs;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> actions = new ArrayList<>();
    private final ShellActions recorder = new ShellActions() {
        @Override
        public void newWorkspace(Path file) {
            actions.add("new " + file);
        }

        @Override
        public void openWorkspace(Path file) {
            actions.add("open " + file);
        }

        @Override
        public void signOut() {
            actions.add("signOut");
        }

        @Override
        public void quit() {
            actions.add("quit");
        }

        @Override
        public void applyTheme(Theme theme) {
            actions.add("theme " + theme);
        }

        @Override
        public void applyLanguage(Locale locale) {
            actions.add("language " + locale.getLanguage());
        }

        @Override
        public void openImportWizard() {
            actions.add("importWizard");
        }
    };

    private ShellViewModel vm(Role role) {
        return new ShellViewModel(new User(1, "u", "Una User", role), "/tmp/w.db", Place.of(Section.EMAILS),
                Theme.LIGHT, dialogs, Messages.of(Locale.ENGLISH), recorder, "1.0");
    }

    @Test
    void theRoleDecidesWhatIsEnabled() {
        assertThat(vm(Role.VIEWER).canImport()).isFalse();
        assertThat(vm(Role.VIEWER).canExport()).isTrue();
        assertThat(vm(Role.MARKETING_EMAIL).canImport()).isTrue();
        assertThat(vm(Role.SUPER_ADMIN).canImport()).isTrue();
        assertThat(vm(Role.VIEWER).userLabel()).isEqualTo("Una User · Viewer");
    }

    @Test
    void importOpensTheWizardForTheRolesAllowedToImportAndTellsOthersWhyNot() {
        vm(Role.VIEWER).importFile();
        assertThat(dialogs.infos).singleElement().asString().contains("Marketing email");
        assertThat(actions).isEmpty();
        vm(Role.MARKETING_EMAIL).importFile();
        assertThat(actions).containsExactly("importWizard");
    }

    @Test
    void workspaceThemeAndLanguageCommandsGoToTheApplication() {
        ShellViewModel vm = vm(Role.VIEWER);
        dialogs.fileAnswer = Path.of("/tmp/other.db");
        vm.openWorkspace();
        vm.newWorkspace();
        vm.setTheme(Theme.DARK);
        vm.setTheme(Theme.DARK);
        vm.setLanguage(Locale.ENGLISH);
        vm.setLanguage(Locale.forLanguageTag("pl"));
        vm.signOut();
        assertThat(actions).containsExactly("open /tmp/other.db", "new /tmp/other.db", "theme DARK", "language pl",
                "signOut");
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void navigationMovesBetweenSectionsAndIntoAContact() {
        ShellViewModel vm = vm(Role.VIEWER);
        vm.navigate(Section.DASHBOARD);
        assertThat(vm.placeProperty().get()).isEqualTo(Place.of(Section.DASHBOARD));
        vm.openContact(42, "Anna");
        assertThat(vm.placeProperty().get().section()).isEqualTo(Section.CONTACTS);
        assertThat(vm.placeProperty().get().contactId()).isEqualTo(42L);
    }

    @Test
    void exportOutsideTheRecipientsViewSaysWhereToExportFrom() {
        ShellViewModel vm = vm(Role.VIEWER);
        vm.export(null);
        List<String> ran = new ArrayList<>();
        vm.export(() -> ran.add("export"));
        assertThat(dialogs.infos).singleElement().asString().contains("Recipients view");
        assertThat(ran).containsExactly("export");
    }
}
