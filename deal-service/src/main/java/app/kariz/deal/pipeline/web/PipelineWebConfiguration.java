package app.kariz.deal.pipeline.web;

import app.kariz.deal.consistency.CommandSender;
import app.kariz.deal.directory.DealDirectory;
import app.kariz.deal.pipeline.directory.PipelineDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What the pipelines' endpoints need beside the command bus: removing a stage with its deals. */
@Configuration(proxyBeanMethods = false)
class PipelineWebConfiguration {

    @Bean
    StageRemoval stageRemoval(CommandSender commands, PipelineDirectory pipelines, DealDirectory deals,
                              Clock clock) {
        return new StageRemoval(commands, pipelines, deals, clock);
    }
}
