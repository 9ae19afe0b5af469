package app.kariz.contract;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway-to-service contract's own rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkAlone = noClasses().that().resideInAPackage("app.kariz.contract..")
            .should().dependOnClassesThat().resideOutsideOfPackages("app.kariz.contract..", "java..", "javax.crypto..")
            .because("the reactive gateway and the servlet services both use it: a framework here would tie one "
                    + "of them to the other's stack");

    @ArchTest
    static final ArchRule isFreeOfCycles = slices().matching("app.kariz.contract.(*)..").should().beFreeOfCycles()
            .because("each part of the contract must be understandable on its own");
}
