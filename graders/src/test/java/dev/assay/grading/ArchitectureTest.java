package dev.assay.grading;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Graders see a lab environment view and nothing else: no HTTP, no database, no Docker, no service. */
@AnalyzeClasses(packages = "dev.assay.grading", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule gradersKnowNothingOfTheService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.assay.service..",
                    "io.dropwizard..",
                    "jakarta.ws.rs..",
                    "jakarta.servlet..",
                    "org.jdbi..",
                    "java.sql..",
                    "org.testcontainers..",
                    "com.github.dockerjava..",
                    "io.fabric8..")
            .because("graders must stay usable and testable without the service (graders/README.md)");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.assay.(**)").should().beFreeOfCycles();
}
