package app.kariz.deal.pipeline;

import app.kariz.support.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

@RestController
public class PipelineController {

    private final PipelineDirectory directory;

    public PipelineController(PipelineDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/pipelines")
    public List<PipelineResponse> pipelines(Caller caller) {
        return directory.all(caller.organizationId()).stream()
                .sorted(Comparator.comparing(PipelineDirectory.PipelineView::name))
                .map(pipeline -> new PipelineResponse(pipeline.id(), pipeline.name(), pipeline.stages().stream()
                        .map(stage -> new StageResponse(stage.stageId(), stage.name(), stage.order()))
                        .toList()))
                .toList();
    }

    public record PipelineResponse(String id, String name, List<StageResponse> stages) {
    }

    public record StageResponse(String id, String name, int order) {
    }
}
