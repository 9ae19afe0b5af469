package app.kariz.view;

import app.kariz.testing.architecture.ArchitectureRules;
import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** This module's architecture rules, run with its tests (and so by {@code ./mvnw verify}). */
@AnalyzeClasses(packages = "app.kariz.view", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = ArchitectureRules.packagesAreFreeOfCycles("app.kariz.view")
            .because("a view that needs another's inside to be understood cannot be changed on its own");

    @ArchTest
    static final ArchRule controllersStayOutOfOtherCodesInsides = ArchitectureRules
            .controllersStayOutOfOtherCodesInsides()
            .because("controllers read through the query classes, so how the projection writes may change freely");

    @ArchTest
    static final ArchRule queriesReadOnlyWithinAnOrganisation = noClasses()
            .that().resideOutsideOfPackages("..view.projection..", "..view.store..", "..view.consistency..",
                    "..view.rebuild..", "..view.consume..")
            .and().doNotHaveFullyQualifiedName("app.kariz.view.stream.ChangeRecordingProjection")
            .and().doNotHaveFullyQualifiedName("app.kariz.view.stream.BoardChangeLog")
            .should().callMethodWhere(target(owner(assignableTo(MongoCollection.class)))
                    .and(target(nameMatching("find|countDocuments|aggregate|distinct|watch"))))
            .because("the query side reads through ScopedCollection, which adds the organisation to every read; only "
                    + "the projection and the view's own bookkeeping read the collections themselves");
}
