package app.kariz.kernel;

import java.util.function.Function;

/**
 * One field of a partial update (PATCH): {@link #keep() left as it is} when the body does not mention it, or
 * {@link #to(Object) set} to the given value, where an explicit JSON {@code null} is {@code to(null)}: it clears an
 * optional field and is refused for a required one ({@link #toRequired}).
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

    /** A change left out of a command built in code keeps the field. */
    public static <T> Change<T> orKeep(Change<T> change) {
        return change == null ? keep() : change;
    }

    public T applyTo(T current) {
        return given ? value : current;
    }

    public <R> Change<R> map(Function<? super T, ? extends R> mapping) {
        return given ? to(value == null ? null : mapping.apply(value)) : keep();
    }

    /** Like {@link #applyTo} for a field that always has a value: setting it to null is invalid input. */
    public T toRequired(String field, T current) {
        if (given && value == null) {
            throw new InvalidInputException(field, "cannot be cleared; give a value or leave the field out");
        }
        return applyTo(current);
    }

    /** Whether this explicitly sets the field to null. */
    public boolean clears() {
        return given && value == null;
    }
}
