package app.kariz.deal.pipeline.command;

import app.kariz.events.pipeline.PipelineStage;

import java.util.List;
import java.util.Optional;

/**
 * A pipeline as the write side knows it right after a command: its stages left to right ({@code order} from 0).
 * {@code version} is the sequence number of the pipeline's latest event.
 */
public record PipelineDetails(String id, String name, List<PipelineStage> stages, long version) {

    public Optional<PipelineStage> stage(String stageId) {
        return stages.stream().filter(stage -> stage.stageId().equals(stageId)).findFirst();
    }
}
