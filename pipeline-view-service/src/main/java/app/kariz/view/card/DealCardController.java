package app.kariz.view.card;

import app.kariz.support.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DealCardController {

    private final DealCards dealCards;

    public DealCardController(DealCards dealCards) {
        this.dealCards = dealCards;
    }

    /** Another organisation's deal answers exactly like an unknown one, so ids reveal nothing. */
    @GetMapping("/api/v1/deals/{id}")
    public DealCard card(@PathVariable String id, Caller caller) {
        return dealCards.find(caller.organizationId(), id).orElseThrow(() -> DealCards.notFound(id));
    }
}
