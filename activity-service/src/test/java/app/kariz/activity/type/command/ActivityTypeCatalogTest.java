package app.kariz.activity.type.command;

import app.kariz.activity.type.command.ActivityTypeCommands.AddActivityType;
import app.kariz.activity.type.command.ActivityTypeCommands.ChangeActivityType;
import app.kariz.events.activitytype.ActivityTypeAdded;
import app.kariz.events.activitytype.ActivityTypeChanged;
import app.kariz.kernel.Change;
import app.kariz.kernel.InvalidInputException;
import app.kariz.kernel.NotFoundException;
import app.kariz.kernel.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTypeCatalogTest {

    private static final String ORG = "org-1";
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private AggregateTestFixture<ActivityTypeCatalog> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ActivityTypeCatalog.class);
    }

    private static AddActivityType add(String key, String name, Boolean requiresResult) {
        return new AddActivityType(ORG, key, name, requiresResult, NOW, "manager-1");
    }

    private static ActivityTypeAdded added(String key, String name, boolean requiresResult) {
        return new ActivityTypeAdded(ORG, key, name, requiresResult, NOW, "manager-1");
    }

    private static ChangeActivityType change(String key, Change<String> name, Change<Boolean> requiresResult,
                                             Change<Boolean> active) {
        return new ChangeActivityType(ORG, key, name, requiresResult, active, NOW, "manager-1");
    }

    private static ActivityTypeChanged changed(String key, String name, boolean requiresResult, boolean active) {
        return new ActivityTypeChanged(ORG, key, name, requiresResult, active, NOW, "manager-1");
    }

    @Test
    void eachOrganisationHasItsOwnCatalogWithAStableId() {
        assertThat(ActivityTypeCatalog.idOf(ORG)).isEqualTo(ActivityTypeCatalog.idOf(ORG))
                .isNotEqualTo(ActivityTypeCatalog.idOf("org-2"))
                .doesNotContain(":", ",", " ");
    }

    @Test
    void anOrganisationAddsATypeThatRequiresAResultUnlessSaidOtherwise() {
        fixture.givenNoPriorActivity()
                .when(add("site-visit", "بازدید از محل", null))
                .expectEvents(added("site-visit", "بازدید از محل", true))
                .expectResultMessagePayload(new ActivityType("site-visit", "بازدید از محل", true, true));
        fixture.givenNoPriorActivity()
                .when(add("reminder", "یادآوری", false))
                .expectEvents(added("reminder", "یادآوری", false));
    }

    @Test
    void aKeyTheOrganisationHasAlreadyIsAConflict() {
        fixture.givenNoPriorActivity()
                .when(add("call", "تماس", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(added("site-visit", "بازدید", true))
                .when(add("site-visit", "بازدید دوم", null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aDeactivatedTypesKeyIsStillTaken() {
        fixture.given(added("site-visit", "بازدید", true), changed("site-visit", "بازدید", true, false))
                .when(add("site-visit", "بازدید", null))
                .expectException(RuleViolationException.class);
    }

    @Test
    void aKeyIsUpToFortyLowercaseLettersDigitsOrHyphensStartingWithALetter() {
        for (String invalid : new String[]{"", "Call", "1call", "-call", "site visit", "site_visit", "تماس",
                "a".repeat(41), null}) {
            fixture.givenNoPriorActivity()
                    .when(add(invalid, "نام", null))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage("key: must be 1 to 40 lowercase letters, digits or hyphens, starting "
                            + "with a letter, like site-visit")
                    .expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(add("a" + "-9".repeat(19) + "x", "نام", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNameIsOneToAHundredCharactersOfAnyScript() {
        fixture.givenNoPriorActivity()
                .when(add("demo", "  ", null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: must not be blank");
        fixture.givenNoPriorActivity()
                .when(add("demo", "ن".repeat(101), null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: must be at most 100 characters long");
        fixture.givenNoPriorActivity()
                .when(add("demo", " " + "ن".repeat(100) + " ", null))
                .expectEvents(added("demo", "ن".repeat(100), true));
    }

    @Test
    void aDefaultTypeCanBeChangedLikeAnyOther() {
        fixture.givenNoPriorActivity()
                .when(change("deadline", Change.to("مهلت"), Change.to(true), Change.keep()))
                .expectEvents(changed("deadline", "مهلت", true, true))
                .expectResultMessagePayload(new ActivityType("deadline", "مهلت", true, true));
    }

    @Test
    void deactivatingATypeKeepsItsOtherValues() {
        fixture.given(added("site-visit", "بازدید", false))
                .when(change("site-visit", Change.keep(), Change.keep(), Change.to(false)))
                .expectEvents(changed("site-visit", "بازدید", false, false));
    }

    @Test
    void aDeactivatedTypeCanBeActivatedAgain() {
        fixture.given(changed("email", "Email", true, false))
                .when(change("email", Change.keep(), Change.keep(), Change.to(true)))
                .expectEvents(changed("email", "Email", true, true));
    }

    @Test
    void changingNothingStoresNothing() {
        fixture.givenNoPriorActivity()
                .when(change("call", Change.to("Call"), Change.to(true), Change.to(true)))
                .expectNoEvents()
                .expectResultMessagePayload(new ActivityType("call", "Call", true, true));
        fixture.given(added("site-visit", "بازدید", true))
                .when(change("site-visit", Change.keep(), Change.keep(), Change.keep()))
                .expectNoEvents();
    }

    @Test
    void anUnknownTypeIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(change("fax", Change.to("Fax"), Change.keep(), Change.keep()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void noValueOfATypeCanBeCleared() {
        fixture.givenNoPriorActivity()
                .when(change("call", Change.to(null), Change.keep(), Change.keep()))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: cannot be cleared; give a value or leave the field out");
        fixture.givenNoPriorActivity()
                .when(change("call", Change.keep(), Change.to(null), Change.keep()))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("requiresResult: cannot be cleared; give a value or leave the field out");
        fixture.givenNoPriorActivity()
                .when(change("call", Change.keep(), Change.keep(), Change.to(null)))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("active: cannot be cleared; give a value or leave the field out");
        fixture.givenNoPriorActivity()
                .when(change("call", Change.to(" "), Change.keep(), Change.keep()))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: must not be blank");
    }
}
