package io.tally.domain.engagement.score;

import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many of a brand's handed-out cards had each score 0-100 as of the end of {@code asOf} (UTC): written by the
 * scoring job at the end of its run over the brand, so Explore Data reads one item; the named ranges are applied when
 * shown ({@link #perRange}), so renaming or re-cutting them needs no new run.
 */
public record ScoreBreakdown(BrandId brand, LocalDate asOf, List<Long> cardsPerScore) {
    public ScoreBreakdown {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(asOf, "asOf");
        cardsPerScore = List.copyOf(cardsPerScore);
        if (cardsPerScore.size() != CustomerScore.MAX + 1 || cardsPerScore.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("a breakdown counts the cards of each score 0-100");
        }
    }

    /** The cards in one named range (or, with an empty range, those scored 0). */
    public record Line(String name, String label, long cards) {
    }

    /** A line per range in order, then the cards scored 0 ("No activity", 0). */
    public List<Line> perRange(ScoreRanges ranges) {
        List<Line> lines = new ArrayList<>();
        for (ScoreRanges.Range r : ranges.ranges()) {
            long n = 0;
            for (int s = r.from(); s <= r.to(); s++) {
                n = Math.addExact(n, cardsPerScore.get(s));
            }
            lines.add(new Line(r.name(), r.label(), n));
        }
        lines.add(new Line("No activity", "0", cardsPerScore.get(0)));
        return lines;
    }

    public long cards() {
        return cardsPerScore.stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }
}
