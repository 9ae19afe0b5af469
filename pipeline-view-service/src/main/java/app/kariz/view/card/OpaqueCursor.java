package app.kariz.view.card;

import app.kariz.kernel.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A paging position as an opaque string: base64url of the listing's kind and the sort key of the last item
 * handed out, so the next page starts right after it (keyset paging: no item is skipped or repeated when others
 * are added or removed in between). Clients pass it back unchanged; a string this service did not hand out for
 * that listing is invalid input in the field {@code cursor}.
 */
public final class OpaqueCursor {

    private static final String SEPARATOR = "|";

    private OpaqueCursor() {
    }

    /** Only the last part may contain the separator (it is an id, which may contain anything). */
    public static String encode(String kind, String... parts) {
        String plain = kind + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} parts of a cursor of this {@code kind}. */
    public static List<String> decode(String cursor, String kind, int count) {
        return decode(cursor, kind, count, "cursor");
    }

    /** The {@code count} parts of a cursor of this {@code kind} passed in the parameter {@code field}. */
    public static List<String> decode(String cursor, String kind, int count, String field) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        String[] parts = plain.split("\\|", count + 1);
        if (parts.length != count + 1 || !parts[0].equals(kind)) {
            throw invalid(field);
        }
        return Arrays.asList(parts).subList(1, parts.length);
    }

    public static InvalidInputException invalid() {
        return invalid("cursor");
    }

    /** For a listing whose cursor parameter is not called {@code cursor}. */
    public static InvalidInputException invalid(String field) {
        return new InvalidInputException(field, "is not a cursor this listing handed out; start again without it");
    }
}
