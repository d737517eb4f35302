package io.tally.domain.card;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name as the back office searches it: decomposed (NFD), without combining marks, lower case in the root locale,
 * so that "zoë", "ZOE" and "Zoe" are one name and a prefix typed without accents finds the accented name.
 */
public final class SearchableName {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchableName() {
    }

    /** The searchable form of {@code name}; empty when nothing searchable is left. */
    public static Optional<String> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String lower = plain.toLowerCase(Locale.ROOT).strip();
        return lower.isEmpty() ? Optional.empty() : Optional.of(lower);
    }

    /** The first character (code point) of a searchable name: the partition a name index spreads names over. */
    public static String initial(String searchable) {
        return searchable.substring(0, searchable.offsetByCodePoints(0, 1));
    }
}
