package io.tally.domain.engagement.score;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scoring job's run over one brand for one day (A101), carried across invocations: the day scored, the spend
 * reference the run started with (a change made during the run applies from the next day's), the cursor (the card set
 * being walked and the last card scored in it; no card set yet: before the first), the cards counted per score 0-100
 * so far, and whether the walk is done. Each page moves it on by one write conditional on {@link #version}, so a page
 * is counted once whichever invocation (crashed, duplicated, overlapping) got there first.
 */
public record ScoreRun(BrandId brand, LocalDate day, long spendReference, Optional<CardSetId> cardSet,
                       Optional<CardNumber> after, boolean done, List<Long> cardsPerScore, long scored, long written,
                       long pages, Instant startedAt, Instant updatedAt, long version) {
    public ScoreRun {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(cardSet, "cardSet");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        cardsPerScore = List.copyOf(cardsPerScore);
        if (cardsPerScore.size() != CustomerScore.MAX + 1 || cardsPerScore.stream().anyMatch(n -> n < 0)) {
            throw new IllegalArgumentException("a run counts the cards of each score 0-100");
        }
        if (after.isPresent() && cardSet.isEmpty()) {
            throw new IllegalArgumentException("a card to continue after belongs to a card set");
        }
        if (spendReference <= 0 || version < 1) {
            throw new IllegalArgumentException("a run has a positive spend reference and a version from 1");
        }
    }

    /** A new run of {@code day}, before the first card set, following {@code previous} (version 1 without one). */
    public static ScoreRun start(BrandId brand, LocalDate day, long spendReference, Instant now,
                                 Optional<ScoreRun> previous) {
        return new ScoreRun(brand, day, spendReference, Optional.empty(), Optional.empty(), false,
                Collections.nCopies(CustomerScore.MAX + 1, 0L), 0, 0, 0, now, now,
                previous.map(p -> p.version() + 1).orElse(1L));
    }

    /** The run after one more page: its scores counted, the cursor at {@code set}/{@code next}, or done. */
    ScoreRun advanced(List<Integer> totals, long writes, Optional<CardSetId> set, Optional<CardNumber> next,
                      boolean finished, Instant now) {
        List<Long> counts = new ArrayList<>(cardsPerScore);
        for (int total : totals) {
            counts.set(total, counts.get(total) + 1);
        }
        return new ScoreRun(brand, day, spendReference, set, next, finished, counts,
                Math.addExact(scored, totals.size()), Math.addExact(written, writes), pages + 1, startedAt, now,
                version + 1);
    }

    /** The breakdown this run counted (complete once {@link #done}). */
    public ScoreBreakdown breakdown() {
        return new ScoreBreakdown(brand, day, cardsPerScore);
    }
}
