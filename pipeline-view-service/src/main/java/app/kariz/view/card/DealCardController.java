package app.kariz.view.card;

import app.kariz.kernel.access.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DealCardController {

    private final DealCards dealCards;

    public DealCardController(DealCards dealCards) {
        this.dealCards = dealCards;
    }

    /**
     * Another organisation's deal, and for a restricted viewer a deal someone else owns, answers exactly like an
     * unknown one, so ids reveal nothing.
     *
     * <p>The {@code ETag} is the deal's version, {@code "7"}, for the deal service's {@code If-Match}. It is set on
     * the response directly rather than through {@code ResponseEntity}, which would answer a matching
     * {@code If-None-Match} with 304: the indicator and rotting change with the clock while the version stays, so
     * the card is always sent in full.
     */
    @GetMapping("/api/v1/deals/{id}")
    public DealCard card(@PathVariable String id, Caller caller, HttpServletResponse response) {
        DealCard card = dealCards.find(caller.organizationId(), id)
                .filter(found -> caller.sees(found.ownerId()))
                .orElseThrow(() -> DealCards.notFound(id));
        response.setHeader(HttpHeaders.ETAG, "\"" + card.version() + "\"");
        return card;
    }
}
