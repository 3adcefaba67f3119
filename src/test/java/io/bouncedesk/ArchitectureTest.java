package io.bouncedesk;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** Dependencies point downward only: ui -> service -> persistence/bounce -> domain (style.md). */
@AnalyzeClasses(packages = "io.bouncedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("io.bouncedesk.app..")
            .layer("ui").definedBy("io.bouncedesk.ui..")
            .layer("cli").definedBy("io.bouncedesk.cli..")
            .layer("service").definedBy("io.bouncedesk.service..")
            .layer("persistence").definedBy("io.bouncedesk.persistence..")
            .layer("bounce").definedBy("io.bouncedesk.bounce..")
            .layer("domain").definedBy("io.bouncedesk.domain..")
            // the commands reach the services through the composition root, like the console does
            .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("service", "ui", "cli", "app")
            .whereLayer("bounce").mayOnlyBeAccessedByLayers("service", "ui", "cli", "app")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("bounce", "persistence", "service", "ui", "cli", "app");

    @ArchTest
    static final ArchRule persistenceAndBounceDoNotKnowEachOther = noClasses().that()
            .resideInAPackage("io.bouncedesk.persistence..").should().dependOnClassesThat()
            .resideInAPackage("io.bouncedesk.bounce..");

    @ArchTest
    static final ArchRule domainHasNoIoAndNoToolkit = noClasses().that().resideInAPackage("io.bouncedesk.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..", "java.sql..", "java.io..",
                    "java.nio.file..");

    @ArchTest
    static final ArchRule viewModelsAreToolkitFree = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule servicesDoNotUseTheToolkit = noClasses().that()
            .resideInAnyPackage("io.bouncedesk.service..", "io.bouncedesk.persistence..", "io.bouncedesk.bounce..",
                    "io.bouncedesk.domain..", "io.bouncedesk.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");
}
