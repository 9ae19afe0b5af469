package app.kariz.kernel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain kernel's own rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkAndTheIdentityContractAlone = noClasses()
            .that().resideInAPackage("app.kariz.kernel..")
            .should().dependOnClassesThat().resideOutsideOfPackages("app.kariz.kernel..",
                    "app.kariz.contract.identity..", "java..")
            .because("every aggregate depends on it: a framework here would put the web or a store into the domain");

    @ArchTest
    static final ArchRule isFreeOfCycles = slices().matching("app.kariz.kernel.(*)..").should().beFreeOfCycles()
            .because("the access rules build on the refusals, never the other way round");
}
