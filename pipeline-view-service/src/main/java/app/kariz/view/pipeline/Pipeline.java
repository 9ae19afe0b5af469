package app.kariz.view.pipeline;

import java.util.List;

/** A pipeline and its stages, left to right. */
public record Pipeline(String id, String name, List<Stage> stages) {

    public record Stage(String id, String name, int order) {
    }
}
