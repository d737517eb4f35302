package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.CustomerScore;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.StoredScore;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CustomerScoresPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CustomerScoresContract {
    protected abstract CustomerScoresPort port();

    private final BrandId brand = ContractData.freshBrand();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void a_cards_score_is_stored_and_replaced_per_brand() {
        CardNumber card = ContractData.freshCard();
        assertTrue(port().score(brand, card).isEmpty());
        StoredScore first = new StoredScore(brand, card, DAY, new CustomerScore(25, 5, 0, 0));
        port().putScore(first);
        assertEquals(Optional.of(first), port().score(brand, card));
        StoredScore next = new StoredScore(brand, card, DAY.plusDays(1), new CustomerScore(24, 10, 25, 3));
        port().putScore(next);
        assertEquals(Optional.of(next), port().score(brand, card));
        port().putScore(first);
        assertEquals(Optional.of(next), port().score(brand, card), "an earlier day never overwrites a later one");
        assertTrue(port().score(ContractData.freshBrand(), card).isEmpty());
    }

    @Test
    void the_newest_breakdown_wins() {
        assertTrue(port().breakdown(brand).isEmpty());
        ScoreBreakdown today = breakdown(DAY, 0, 3, 100, 7);
        port().putBreakdown(today);
        port().putBreakdown(breakdown(DAY.minusDays(1), 50, 1));
        assertEquals(Optional.of(today), port().breakdown(brand));
        ScoreBreakdown rerun = breakdown(DAY, 0, 4);
        port().putBreakdown(rerun);
        assertEquals(Optional.of(rerun), port().breakdown(brand));
        assertTrue(port().breakdown(ContractData.freshBrand()).isEmpty());
    }

    private ScoreBreakdown breakdown(LocalDate day, int... scoreAndCards) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        for (int i = 0; i < scoreAndCards.length; i += 2) {
            counts.set(scoreAndCards[i], (long) scoreAndCards[i + 1]);
        }
        return new ScoreBreakdown(brand, day, counts);
    }
}
