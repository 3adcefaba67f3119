package io.bouncedesk.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** View models (and the shared pieces they use) stay testable without the JavaFX toolkit. */
class ViewModelArchitectureTest {

    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bouncedesk.ui");

    @Test
    void viewModelsImportNoSceneStageOrControlsFx() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("BackgroundTasks").or().haveSimpleName("PagedList")
                .or().haveSimpleName("Messages").or().haveSimpleName("Formats")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "atlantafx..")
                .check(ui);
    }

    @Test
    void theUiReachesTheDatabaseOnlyThroughServices() {
        noClasses().should().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .orShould().dependOnClassesThat().haveNameMatching("org\\.jdbi\\..*")
                .check(ui);
    }
}
