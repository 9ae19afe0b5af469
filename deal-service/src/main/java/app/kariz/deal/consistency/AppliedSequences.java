package app.kariz.deal.consistency;

import java.util.OptionalLong;

/** A directory of this service that applies the events of one aggregate type, and how far it got per aggregate. */
public interface AppliedSequences {

    /** The aggregate type as written in positions, e.g. {@code deal}. */
    String aggregateType();

    /** @return the sequence number of the aggregate's latest event applied here, or empty if none yet */
    OptionalLong appliedSequence(String aggregateId);
}
