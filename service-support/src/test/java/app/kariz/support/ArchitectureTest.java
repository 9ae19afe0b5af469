package app.kariz.support;

import app.kariz.testing.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** This module's architecture rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.packagesAreFreeOfCycles("app.kariz.support")
            .because("each part of the services' wiring must be usable, and understandable, without the others");
}
