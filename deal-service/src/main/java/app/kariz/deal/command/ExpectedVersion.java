package app.kariz.deal.command;

import java.util.Collection;
import java.util.Set;

/**
 * The optimistic-concurrency precondition of a write ({@code If-Match}): either any version will do, or the
 * aggregate's version (the sequence number of its latest event) must be one of those named.
 *
 * @param versions the acceptable versions; {@code null} for any
 */
public record ExpectedVersion(Set<Long> versions) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null);

    public ExpectedVersion {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version));
    }

    /** An empty collection names no version at all, so nothing matches it. */
    public static ExpectedVersion oneOf(Collection<Long> versions) {
        return new ExpectedVersion(Set.copyOf(versions));
    }

    public static ExpectedVersion orAny(ExpectedVersion expected) {
        return expected == null ? ANY : expected;
    }

    public boolean isAny() {
        return versions == null;
    }

    public boolean allows(long currentVersion) {
        return versions == null || versions.contains(currentVersion);
    }
}
