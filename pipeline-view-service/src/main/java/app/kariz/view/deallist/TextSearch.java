package app.kariz.view.deallist;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deal list's {@code q}: a case-insensitive substring of the title, the person's name or the organisation's
 * name. The text is matched literally (every regular-expression metacharacter is escaped), and the letters
 * Persian text is typed with from Arabic keyboards match their Persian forms: ي and ى match ی, ك matches ک.
 *
 * <p>An unanchored regular expression cannot use an index: within the organisation (and status) the list scans
 * cards. A large deployment may add a MongoDB text index (or Atlas Search) over the three fields; the in-process
 * stand-in has neither, so this stays the query both understand.
 */
final class TextSearch {

    static final int MAX_LENGTH = 100;
    static final List<String> FIELDS = List.of("title", "personName", "organizationName");
    private static final Pattern METACHARACTER = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");
    private static final Map<Character, String> SAME_LETTER = Map.of(
            'ی', "[یيى]", 'ي', "[یيى]", 'ى', "[یيى]",
            'ک', "[کك]", 'ك', "[کك]");

    private TextSearch() {
    }

    static Bson matching(String text) {
        String pattern = pattern(text);
        return Filters.or(FIELDS.stream().map(field -> Filters.regex(field, pattern, "i")).toList());
    }

    /** The regular expression matching {@code text} literally, with the Persian letter variants. */
    static String pattern(String text) {
        StringBuilder pattern = new StringBuilder();
        for (char letter : text.toCharArray()) {
            String variants = SAME_LETTER.get(letter);
            if (variants != null) {
                pattern.append(variants);
            } else if (METACHARACTER.matcher(String.valueOf(letter)).matches()) {
                pattern.append('\\').append(letter);
            } else {
                pattern.append(letter);
            }
        }
        return pattern.toString();
    }
}
