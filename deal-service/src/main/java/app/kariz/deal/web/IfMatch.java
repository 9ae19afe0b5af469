package app.kariz.deal.web;

import app.kariz.deal.command.ExpectedVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code If-Match} header into the deal version a write expects. A deal's entity tag is its version,
 * {@code "7"}; for convenience {@code 7} and the weak form {@code W/"7"} are accepted too, and a list
 * ({@code "6", "7"}) matches any of its versions. {@code *} or no header at all: any version (last writer wins).
 * A tag that is not a version can never match, so a write naming only such tags fails its precondition.
 */
final class IfMatch {

    private IfMatch() {
    }

    static ExpectedVersion parse(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.ANY;
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : header.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return ExpectedVersion.ANY;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.matches("\\d{1,18}")) {
                versions.add(Long.parseLong(value));
            }
        }
        return ExpectedVersion.oneOf(versions);
    }

    /** The entity tag of a deal at a version, as responses carry it in {@code ETag}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
