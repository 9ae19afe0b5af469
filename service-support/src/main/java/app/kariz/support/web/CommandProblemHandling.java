package app.kariz.support.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what Axon throws from command handling to the contract's problems; imported only by the services that
 * handle commands (Axon is optional here). A refusal that comes wrapped is answered as if it had been thrown
 * directly.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblemHandling {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return Problems.notFound("Nothing with id " + e.getAggregateIdentifier() + " exists");
    }

    /** Two writes raced for the same aggregate version; the loser changed nothing and may retry. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> concurrentWrite(Exception e) {
        return Problems.conflict("It was changed by another request at the same moment; nothing was changed, "
                + "please retry");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) throws Exception {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AggregateNotFoundException missing) {
            return aggregateNotFound(missing);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrentWrite((Exception) cause);
        }
        return Problems.ofRefusal(cause).orElseThrow(() -> e);
    }
}
