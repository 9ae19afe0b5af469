package app.kariz.gateway.problem;

/**
 * Ends a request the gateway answers itself (the identity endpoints) with a problem; {@link ProblemExceptionHandler}
 * writes it. No stack trace: it is an answer, not a fault.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
