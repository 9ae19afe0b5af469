package app.kariz.testing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every module's {@code ArchitectureTest} applies to its own classes, written once. Each test
 * states why the rule matters there ({@link ArchRule#because}).
 */
public final class ArchitectureRules {

    private static final String AGGREGATE = "org.axonframework.spring.stereotype.Aggregate";

    /** What domain code must not see: the web, the wire and the stores. */
    private static final String[] INFRASTRUCTURE = {
            "org.springframework.web..", "org.springframework.http..", "org.springframework.boot..",
            "jakarta.servlet..", "reactor..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
            "com.fasterxml.jackson..", "app.kariz.support.web..", "app.kariz.support.publish..",
            "app.kariz.support.consume..", "app.kariz.support.mongo..", "app.kariz.support.eventstore.."};

    /**
     * Domain code in a command service: its aggregates (Axon's {@code @Aggregate}), the packages named
     * {@code command}, and the commands and details records beside an aggregate.
     */
    public static final DescribedPredicate<JavaClass> DOMAIN_CODE =
            DescribedPredicate.describe("domain code (aggregates, their commands and details)",
                    type -> type.isAnnotatedWith(AGGREGATE)
                            || resideInAPackage("..command..").test(type)
                            || type.getSimpleName().endsWith("Commands") || type.getSimpleName().endsWith("Details"));

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
            type -> type.isAnnotatedWith("org.springframework.web.bind.annotation.RestController"));

    private static final DescribedPredicate<JavaClass> INSIDES = DescribedPredicate.describe(
            "aggregates, projections, consumers, Mongo or Kafka",
            type -> type.isAnnotatedWith(AGGREGATE) || resideInAnyPackage("..projection..", "..consume..",
                    "com.mongodb..", "org.apache.kafka..").test(type));

    private ArchitectureRules() {
    }

    /** No package under {@code root} depends, through any others, on itself; each package is its own slice. */
    public static ArchRule packagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** Domain code imports no web, servlet, reactive, Kafka, Mongo or JSON code, ours or a library's. */
    public static ArchRule domainCodeUsesNoInfrastructure() {
        return noClasses().that(DOMAIN_CODE).should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);
    }

    /**
     * Controllers reach other code through its query and command API: never into an aggregate's inside (they send
     * it commands), a projection, an event consumer, a store's driver or the broker.
     */
    public static ArchRule controllersStayOutOfOtherCodesInsides() {
        return noClasses().that(CONTROLLERS).should().dependOnClassesThat(INSIDES);
    }
}
