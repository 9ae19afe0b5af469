package app.kariz.deal.command;

import java.util.function.Function;

/**
 * One field of a partial update: either {@link #keep() left as it is} or {@link #to(Object) set}, where setting
 * {@code null} clears an optional field. A PATCH body reads an absent field as {@code keep()} and an explicit JSON
 * {@code null} as {@code to(null)}.
 */
public record Change<T>(boolean given, T value) {

    private static final Change<?> KEEP = new Change<>(false, null);

    public Change {
        if (!given && value != null) {
            throw new IllegalArgumentException("A kept field carries no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    /** A missing change (e.g. a command built in code without it) keeps the field. */
    public static <T> Change<T> orKeep(Change<T> change) {
        return change == null ? keep() : change;
    }

    public T applyTo(T current) {
        return given ? value : current;
    }

    public <R> Change<R> map(Function<? super T, ? extends R> mapping) {
        return given ? to(value == null ? null : mapping.apply(value)) : keep();
    }
}
