package app.kariz.deal.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
import app.kariz.support.consistency.AppliedSignal;
import app.kariz.support.web.CallerResolver;
import app.kariz.support.web.CommandProblemHandling;
import app.kariz.support.web.ProblemHandling;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Another instance of the service can append to a deal between this write's version check and its commit; the
 * event store then refuses the write. The deal controller alone, with the gateway standing in for that race.
 */
class ConcurrentDealWriteTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private MockMvc http;

    @BeforeEach
    void setUp() {
        CommandSender commands = new CommandSender(gateway, List.of(), new AppliedSignal(), Duration.ZERO);
        DealController controller = new DealController(commands, mock(PipelineDirectory.class),
                Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC));
        http = MockMvcBuilders.standaloneSetup(controller)
                .setCustomArgumentResolvers(new CallerResolver(ZoneId.of("Asia/Tehran")))
                .setControllerAdvice(new ProblemHandling(), new CommandProblemHandling(),
                        new PreconditionProblemHandling())
                .build();
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 4 of deal-1 already stored"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header(IdentityHeaders.ORGANIZATION, "org-1").header(IdentityHeaders.USER, "user-1")
                .header(IdentityHeaders.ROLE, "ADMIN").header(IdentityHeaders.VISIBILITY, "EVERYONE")
                .contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void withIfMatchTheLoserOfTheRaceHasAStaleVersion() throws Exception {
        http.perform(as(post("/api/v1/deals/deal-1/won")).header("If-Match", "\"3\"").content("{}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:precondition-failed"))
                .andExpect(header().doesNotExist("ETag"));
        http.perform(as(delete("/api/v1/deals/deal-1")).header("If-Match", "3"))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void withoutIfMatchItIsTheUsualConflictToRetry() throws Exception {
        http.perform(as(post("/api/v1/deals/deal-1/won")).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:kariz:problem:rule-violated"));
    }
}
