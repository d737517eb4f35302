package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.engagement.score.CustomerScore;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScoreSettingsPort} and {@link ScoreRunsPort} must do (A100, A101). Subclass it per implementation
 * (in-memory fakes, DynamoDB adapters).
 */
public abstract class ScoreSettingsContract {
    protected abstract ScoreSettingsPort settings();

    protected abstract ScoreRunsPort runs();

    private final BrandId brand = ContractData.freshBrand();
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    @Test
    void settings_are_stored_over_the_version_read_and_a_brand_without_any_has_the_defaults() {
        assertEquals(Optional.empty(), settings().find(brand));
        assertEquals(ScoreSettings.defaults(brand), settings().settings(brand));
        ScoreRanges named = new ScoreRanges(List.of(new ScoreRanges.Range(1, 50, "Sleepers"),
                new ScoreRanges.Range(51, 100, "Fans")));
        ScoreSettings first = ScoreSettings.defaults(brand).changed(named, 1234_5678L);
        assertTrue(settings().save(first));
        assertEquals(Optional.of(first), settings().find(brand));
        assertFalse(settings().save(first), "a second write over version 0 is refused");
        ScoreSettings second = first.changed(ScoreRanges.DEFAULT, 1L);
        assertTrue(settings().save(second));
        assertFalse(settings().save(first.changed(named, 99L)), "a write over version 1 once 2 is stored");
        assertEquals(Optional.of(second), settings().find(brand));
        assertEquals(Optional.empty(), settings().find(ContractData.freshBrand()));
    }

    @Test
    void a_run_moves_on_only_from_the_version_read() {
        assertEquals(Optional.empty(), runs().find(brand));
        ScoreRun started = ScoreRun.start(brand, LocalDate.of(2026, 12, 1), 500_0000L, NOW, Optional.empty());
        assertTrue(runs().save(started));
        assertFalse(runs().save(started), "a second start of version 1 is refused");
        assertEquals(Optional.of(started), runs().find(brand));
        List<Long> counts = new ArrayList<>(Collections.nCopies(CustomerScore.MAX + 1, 0L));
        counts.set(0, 3L);
        counts.set(77, 12L);
        CardNumber after = ContractData.freshCard();
        ScoreRun moved = new ScoreRun(brand, started.day(), 500_0000L, Optional.of(new CardSetId("SET-A")),
                Optional.of(after), false, counts, 15, 4, 1, NOW, NOW.plusSeconds(2), 2);
        assertTrue(runs().save(moved));
        assertEquals(Optional.of(moved), runs().find(brand));
        assertFalse(runs().save(moved), "the same page recorded twice");
        ScoreRun done = new ScoreRun(brand, started.day(), 500_0000L, Optional.of(new CardSetId("SET-A")),
                Optional.empty(), true, counts, 15, 4, 2, NOW, NOW.plusSeconds(3), 3);
        assertTrue(runs().save(done));
        assertEquals(Optional.of(done), runs().find(brand));
        assertEquals(Optional.empty(), runs().find(ContractData.freshBrand()));
    }
}
