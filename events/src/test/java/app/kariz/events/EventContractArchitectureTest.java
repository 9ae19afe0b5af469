package app.kariz.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The event contract's own rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkAlone = noClasses().that().resideInAPackage("app.kariz.events..")
            .should().dependOnClassesThat().resideOutsideOfPackages("app.kariz.events..", "java..")
            .because("analytics teams put this jar on their class path: whatever it needs, they need too");

    @ArchTest
    static final ArchRule aggregatesEventsAreFreeOfCycles = slices().matching("app.kariz.events.(*)..")
            .should().beFreeOfCycles()
            .because("each aggregate's events must be readable, and changeable, without the others'");
}
