package io.tally.domain.engagement.score;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardPort.NumberRange;
import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.program.CardSet;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The periodic scoring of a brand's cards (issue 14): every handed-out card of every card set, a page at a time
 * ({@link CardPort#allocatedInCardSet}, A59: never a Scan), is scored as of the end of {@code day} (UTC) from its
 * statistics ({@link CustomerScore}); the score is written only when it differs from the stored one and never over a
 * score of a later day, then the brand's breakdown is written. A rerun of the same day over the same statistics
 * writes no score again. The statistics are read as they stand when the job runs, not as they stood at the end of
 * {@code day}: activity after the day (before the run) already counts (its recency is then the full 25), so a day's
 * score is the job's view at its run, not a pure function of the day's history (the per-card statistics keep no
 * history to rewind).
 */
public final class ScoreCardsUseCase {
    private final BrandSetupReadPort setup;
    private final CardPort cards;
    private final CardStatsPort stats;
    private final CustomerScoresPort scores;

    public ScoreCardsUseCase(BrandSetupReadPort setup, CardPort cards, CardStatsPort stats, CustomerScoresPort scores) {
        this.setup = setup;
        this.cards = cards;
        this.stats = stats;
        this.scores = scores;
    }

    /** What a run did: cards scored, scores written (changed), and the breakdown stored. */
    public record Run(long scored, long written, ScoreBreakdown breakdown) {
    }

    public Run run(BrandId brand, LocalDate day) {
        Instant asOf = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        long scored = 0;
        long written = 0;
        for (CardSet set : setup.cardSets(brand)) {
            Optional<CardNumber> after = Optional.empty();
            do {
                CardPort.CardPage page = cards.allocatedInCardSet(brand, set.id(), NumberRange.ALL, after, CardPort.MAX_PAGE);
                for (Card card : page.cards()) {
                    CustomerScore score = CustomerScore.of(stats.stats(brand, card.number()), asOf,
                            CustomerScore.DEFAULT_SPEND_REFERENCE);
                    counts.set(score.total(), counts.get(score.total()) + 1);
                    scored++;
                    Optional<StoredScore> stored = scores.score(brand, card.number());
                    boolean later = stored.isPresent() && stored.get().asOf().isAfter(day);
                    if (!later && !stored.map(s -> s.score().equals(score)).orElse(false)) {
                        scores.putScore(new StoredScore(brand, card.number(), day, score));
                        written++;
                    }
                }
                after = page.next();
            } while (after.isPresent());
        }
        ScoreBreakdown breakdown = new ScoreBreakdown(brand, day, counts);
        scores.putBreakdown(breakdown);
        return new Run(scored, written, breakdown);
    }
}
