package dev.assay.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service's layers: the domain (core, db, auth, invitations) knows nothing of HTTP, pages, Dropwizard or
 * the command line; web concerns stay in web, resources and views; packages form no cycles.
 */
@AnalyzeClasses(packages = "dev.assay.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] DOMAIN = {
        "dev.assay.service.core..",
        "dev.assay.service.db..",
        "dev.assay.service.auth..",
        "dev.assay.service.invitations.."
    };

    @ArchTest
    static final ArchRule catalogIsContentOnly = noClasses()
            .that()
            .resideInAPackage("dev.assay.service.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.assay.service.resources..",
                    "dev.assay.service.views..",
                    "dev.assay.service.web..",
                    "dev.assay.service.cli..",
                    "dev.assay.service.db..",
                    "jakarta.ws.rs..")
            .because("the lab catalog reads files; pages and storage use it, not the other way round");

    @ArchTest
    static final ArchRule domainDoesNotReachUp = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.assay.service.resources..",
                    "dev.assay.service.views..",
                    "dev.assay.service.web..",
                    "dev.assay.service.cli..")
            .because("the domain is used by pages, API and CLI alike");

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .and()
            .doNotHaveSimpleName("Actor")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.dropwizard..", "jakarta.ws.rs..", "jakarta.servlet..", "org.eclipse.jetty..")
            .because("services are plain Java over Jdbi; Actor alone reads a JAX-RS SecurityContext");

    @ArchTest
    static final ArchRule valuesSitBelowServices = noClasses()
            .that()
            .resideInAnyPackage("dev.assay.service.core..", "dev.assay.service.db..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.assay.service.auth..", "dev.assay.service.invitations..")
            .because("values and persistence sit below the services that use them");

    @ArchTest
    static final ArchRule servicesSpeakNoHttp = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.assay.service.sessions..",
                    "dev.assay.service.grading..",
                    "dev.assay.service.scoring..",
                    "dev.assay.service.environment..",
                    "dev.assay.service.scopes..",
                    "dev.assay.service.stats..",
                    "dev.assay.service.design..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ws.rs..")
            .because("services say what is wrong with the domain's exceptions (NotFound, InvalidInputException);"
                    + " resources turn them into HTTP");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.assay.service.(*)..").should().beFreeOfCycles();

    /** Every package on its own, sub-packages too: environment and environment.docker may not use each other. */
    @ArchTest
    static final ArchRule noCyclesBetweenAnyPackages =
            slices().matching("dev.assay.service.(**)").should().beFreeOfCycles();

    /** Resources read and change data through the package that owns it; a query does not live in a resource. */
    @ArchTest
    static final ArchRule resourcesHoldNoQueries = noClasses()
            .that()
            .resideInAPackage("dev.assay.service.resources..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Dao")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(org.jdbi.v3.core.Jdbi.class, org.jdbi.v3.core.Handle.class)
            .because("the package that owns the data holds its queries (sessions, scoring, invitations...)");
}
