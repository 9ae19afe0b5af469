package app.kariz.mongo.embedded;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The embedded store's architecture rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.mongo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("app.kariz.mongo.(**)").should()
            .beFreeOfCycles()
            .because("indexes, queries and storage must each be provable on their own, as the differential tests do");

    @ArchTest
    static final ArchRule knowsNothingOfKariz = noClasses().that().resideInAPackage("app.kariz.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage("app.kariz.events..", "app.kariz.support..",
                    "app.kariz.deal..", "app.kariz.activity..", "app.kariz.view..", "app.kariz.gateway..")
            .because("it stands in for MongoDB: the services must not be able to tell it from a real server");
}
