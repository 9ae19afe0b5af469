package app.kariz.gateway;

import app.kariz.testing.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** This module's architecture rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.packagesAreFreeOfCycles("app.kariz.gateway")
            .because("authentication, routing, identity and problems must each be changeable on its own; filter order "
                    + "lives in one place (server.FilterOrder) instead of being chained across them");
}
