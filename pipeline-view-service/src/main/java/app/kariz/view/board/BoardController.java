package app.kariz.view.board;

import app.kariz.support.web.Caller;
import app.kariz.support.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BoardController {

    private final Boards boards;

    public BoardController(Boards boards) {
        this.boards = boards;
    }

    @GetMapping("/api/v1/pipelines/{id}/board")
    public Board board(@PathVariable String id, Caller caller) {
        return boards.find(caller.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("No pipeline with id " + id + " exists"));
    }
}
