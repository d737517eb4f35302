package io.tally.domain.coupon.bulk;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The coupon CSV format: one coupon per line, {@code code[,tags][,cards]}, tags and card numbers each separated by
 * {@code ;} (no quoting: none of them can hold a comma or a semicolon). An optional header line starts with the
 * column name {@code code}. Blank lines are skipped; line numbers count every line of the file. A line that is not a
 * valid coupon is reported with its number and reason and never stops the load.
 */
public final class CouponCsv {
    /** Longer lines are invalid (a bound on the work and on a chunk's message size). */
    public static final int MAX_LINE = 400;

    private CouponCsv() {
    }

    /** A valid line: the coupon's code, tags and card restrictions. */
    public record Line(CouponCode code, Set<String> tags, Set<CardNumber> cards) {
    }

    /** A line parsed: either {@code line} or {@code invalid} is present. */
    public record Parsed(Line line, InvalidLine invalid) {
        public boolean valid() {
            return line != null;
        }
    }

    /**
     * A whole file, checked: the valid lines (as text, to be parsed again by the chunk consumer), the first
     * {@link LoadJob#MAX_INVALID_LINES} invalid ones and how many there were. A code repeated in the file is loaded from
     * its first line; later lines with it are invalid.
     */
    public record File(List<NumberedLine> valid, List<InvalidLine> invalid, long invalidCount) {
        public long dataLines() {
            return valid.size() + invalidCount;
        }
    }

    public static File read(BufferedReader reader) {
        List<NumberedLine> valid = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        long invalidCount = 0;
        Map<CouponCode, Long> firstLine = new HashMap<>();
        long number = 0;
        try {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank() || (number == 1 && isHeader(text))) {
                    continue;
                }
                Parsed parsed = parse(new NumberedLine(number, text));
                InvalidLine bad = parsed.invalid();
                if (parsed.valid()) {
                    Long first = firstLine.putIfAbsent(parsed.line().code(), number);
                    if (first == null) {
                        valid.add(new NumberedLine(number, text));
                        continue;
                    }
                    bad = new InvalidLine(number, "duplicate of line " + first);
                }
                invalidCount++;
                if (invalid.size() < LoadJob.MAX_INVALID_LINES) {
                    invalid.add(bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File(valid, invalid, invalidCount);
    }

    static boolean isHeader(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "").startsWith("code");
    }

    /** One line, by the format above. */
    public static Parsed parse(NumberedLine numbered) {
        String text = numbered.text().replace("\uFEFF", "");
        if (text.length() > MAX_LINE) {
            return bad(numbered, "longer than " + MAX_LINE + " characters");
        }
        String[] columns = text.split(",", -1);
        if (columns.length > 3) {
            return bad(numbered, "more than 3 columns (code,tags,cards)");
        }
        if (!CouponCode.isValid(columns[0])) {
            return bad(numbered, "bad code: a coupon code is 4-64 letters, digits, '-' or '_'");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : items(columns.length > 1 ? columns[1] : "")) {
            if (!Coupon.validTag(tag)) {
                return bad(numbered, "bad tag '" + tag + "': 1-64 letters, digits, '_', '.', '-' or ' '");
            }
            tags.add(tag);
        }
        Set<CardNumber> cards = new LinkedHashSet<>();
        for (String card : items(columns.length > 2 ? columns[2] : "")) {
            try {
                cards.add(new CardNumber(card));
            } catch (IllegalArgumentException e) {
                return bad(numbered, "bad card number: 15-19 digits with a valid check digit");
            }
        }
        if (tags.size() > Coupon.MAX_TAGS || cards.size() > Coupon.MAX_CARDS) {
            return bad(numbered, "more than " + Coupon.MAX_TAGS + " tags or " + Coupon.MAX_CARDS + " cards");
        }
        return new Parsed(new Line(new CouponCode(columns[0]), tags, cards), null);
    }

    private static List<String> items(String column) {
        List<String> items = new ArrayList<>();
        for (String item : column.split(";", -1)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static Parsed bad(NumberedLine line, String reason) {
        return new Parsed(null, new InvalidLine(line.number(), reason));
    }
}
