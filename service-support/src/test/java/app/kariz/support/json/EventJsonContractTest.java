package app.kariz.support.json;

import app.kariz.events.EventCatalog;
import app.kariz.events.activity.ActivityScheduled;
import app.kariz.events.activity.Due;
import app.kariz.events.deal.DealOpened;
import app.kariz.events.deal.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire form analytics teams read: changing it breaks them, so it is pinned here to the letter. */
class EventJsonContractTest {

    private final ObjectMapper json = EventJson.newMapper();

    @Test
    void dealOpenedHasIsoDatesAndTheAmountAsADecimalString() throws Exception {
        DealOpened opened = new DealOpened("org-1", "deal-1", "p-1", "s-1", "قرارداد پشتیبانی",
                new Money(new BigDecimal("1200.00"), "IRR"), "u-1", "سارا", null, LocalDate.parse("2026-12-31"),
                Instant.parse("2026-11-27T08:30:00Z"), "u-2");

        assertThat(json.writeValueAsString(opened)).isEqualTo("""
                {"organizationId":"org-1","dealId":"deal-1","pipelineId":"p-1","stageId":"s-1",\
                "title":"قرارداد پشتیبانی","value":{"amount":"1200.00","currency":"IRR"},"ownerId":"u-1",\
                "personName":"سارا","organizationName":null,"expectedCloseDate":"2026-12-31",\
                "openedAt":"2026-11-27T08:30:00Z","openedBy":"u-2"}""");
    }

    @Test
    void aDueHasAWallTimeOrNullForAllDay() throws Exception {
        ActivityScheduled timed = new ActivityScheduled("org-1", "a-1", "deal-1", "call", "تماس", new Due(
                LocalDate.parse("2026-11-27"), LocalTime.of(14, 30), "Asia/Tehran"), 30, "u-1", null, null,
                Instant.parse("2026-11-26T20:00:00Z"), "u-1");

        assertThat(json.writeValueAsString(timed)).contains(
                "\"due\":{\"date\":\"2026-11-27\",\"time\":\"14:30\",\"timeZone\":\"Asia/Tehran\"}");
        assertThat(json.writeValueAsString(new Due(LocalDate.parse("2026-11-27"), null, "Asia/Tehran")))
                .isEqualTo("{\"date\":\"2026-11-27\",\"time\":null,\"timeZone\":\"Asia/Tehran\"}");
    }

    @Test
    void aConsumerIgnoresFieldsANewerProducerAdded() throws Exception {
        String newer = """
                {"organizationId":"org-1","dealId":"deal-1","reason":"price","lostAt":"2026-11-27T08:30:00Z",\
                "lostBy":"u-1","competitor":"Acme"}""";

        assertThat(json.readValue(newer, app.kariz.events.deal.DealLost.class).reason()).isEqualTo("price");
    }

    @Test
    void everyCatalogTypeIsARecordWithAVersionedCloudEventsType() {
        assertThat(EventCatalog.all()).allSatisfy(type -> {
            assertThat(type.javaType().isRecord()).isTrue();
            assertThat(type.ceType()).matches("kariz\\.(deal|activity|activity-type|pipeline|organization)\\.[a-z-]+\\.v\\d+");
            assertThat(type.topic()).endsWith(".v1");
            assertThat(app.kariz.events.Topics.class.getFields()).extracting(field -> field.get(null))
                    .contains(type.topic());
        });
    }
}
