package app.kariz.activity;

import app.kariz.testing.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** This module's architecture rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.activity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.packagesAreFreeOfCycles("app.kariz.activity")
            .because("a feature that needs another's inside to be understood cannot be changed on its own");

    @ArchTest
    static final ArchRule domainCodeUsesNoInfrastructure = ArchitectureRules.domainCodeUsesNoInfrastructure()
            .because("activities and their types decide by their rules alone, testable without a server or a store");

    @ArchTest
    static final ArchRule controllersStayOutOfOtherCodesInsides = ArchitectureRules
            .controllersStayOutOfOtherCodesInsides()
            .because("the web edge sends commands and reads directories; what lies behind them may change freely");
}
