package app.kariz.deal.consistency;

import app.kariz.support.consistency.AppliedSignal;
import app.kariz.events.Position;
import app.kariz.support.eventstore.WrittenPositions;
import app.kariz.support.eventstore.WrittenPositions.Written;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends a command and answers only once this service's own directories (pipelines, deals) have applied the events
 * it stored, bounded by a timeout. The directories are tracking projections, so without this a deal opened a
 * moment ago could be missing when a manager removes its stage, and a stage added a moment ago could be refused
 * as unknown when a deal is opened into it. After the timeout the write is answered anyway (it did happen) and a
 * warning is logged.
 */
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway commands;
    private final Map<String, AppliedSequences> directories;
    private final AppliedSignal signal;
    private final Duration timeout;

    public CommandSender(CommandGateway commands, List<? extends AppliedSequences> directories, AppliedSignal signal,
                         Duration timeout) {
        this.commands = commands;
        this.directories = directories.stream()
                .collect(Collectors.toUnmodifiableMap(AppliedSequences::aggregateType, Function.identity()));
        this.signal = signal;
        this.timeout = timeout;
    }

    /** @return the command's result and the positions of the events it stored (for {@code Kariz-Position}) */
    public <R> Written<R> send(Object command) {
        Written<R> written = WrittenPositions.capture(() -> commands.<R>sendAndWait(command));
        written.positions().forEach(this::awaitApplied);
        return written;
    }

    private void awaitApplied(Position position) {
        AppliedSequences directory = directories.get(position.aggregateType());
        if (directory == null) {
            return;
        }
        try {
            if (!signal.await(position.aggregateType(), position.aggregateId(), position.sequence(),
                    () -> directory.appliedSequence(position.aggregateId()).orElse(-1) >= position.sequence(),
                    timeout)) {
                log.warn("Answering a write before the {} directory applied {}", position.aggregateType(), position);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
