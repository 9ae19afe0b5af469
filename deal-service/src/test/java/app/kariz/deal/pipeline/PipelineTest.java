package app.kariz.deal.pipeline;

import app.kariz.deal.pipeline.CreatePipeline.StageDraft;
import app.kariz.events.pipeline.PipelineCreated;
import app.kariz.events.pipeline.PipelineStage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class PipelineTest {

    private final AggregateTestFixture<Pipeline> fixture = new AggregateTestFixture<>(Pipeline.class);
    private final Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void creatingAPipelineNumbersItsStagesInTheGivenOrder() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipeline("p", "org", "فروش", List.of(new StageDraft("s1", "سرنخ"),
                        new StageDraft("s2", "مذاکره")), now, "system"))
                .expectEvents(new PipelineCreated("org", "p", "فروش", List.of(new PipelineStage("s1", "سرنخ", 0, null),
                        new PipelineStage("s2", "مذاکره", 1, null)), now, "system"));
    }

    @Test
    void aPipelineNeedsAStage() {
        fixture.givenNoPriorActivity()
                .when(new CreatePipeline("p", "org", "Empty", List.of(), now, "system"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
