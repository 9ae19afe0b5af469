package app.kariz.kernel;

/**
 * The rules of free text (titles, names, subjects, notes, reasons). Text is stripped of leading and trailing white space
 * first; any script is welcome; lengths count characters as Bean Validation's {@code @Size} does.
 */
public final class TextField {

    private TextField() {
    }

    /** @return the stripped text, which must have 1 to {@code max} characters */
    public static String required(String field, String text, int max) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return atMost(field, stripped, max);
    }

    /** @return the stripped text of at most {@code max} characters, or null for none (null or blank) */
    public static String optional(String field, String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? null : atMost(field, stripped, max);
    }

    private static String atMost(String field, String text, int max) {
        if (text.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters long");
        }
        return text;
    }
}
