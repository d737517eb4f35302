package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.engagement.score.CustomerScoresPort;
import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.ScoreCardsUseCase;
import io.tally.domain.engagement.score.StoredScore;
import io.tally.domain.fakes.InMemoryScoreRuns;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The task scores each brand as of the last whole UTC day, whatever the hour it runs at; a brand whose run of that day
 * is done is not run again (its breakdown is written again only when missing).
 */
class CustomerScoresTaskTest {
    private final List<ScoreBreakdown> breakdowns = new ArrayList<>();

    @Test
    void every_run_of_a_day_scores_as_of_the_day_before() {
        ScoreCardsUseCase scoring = new ScoreCardsUseCase(noCardSets(), unused(CardPort.class),
                unused(CardStatsPort.class), new Breakdowns(), new InMemoryScoreSettings(), new InMemoryScoreRuns());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CustomerScoresTask task = new CustomerScoresTask(() -> List.of(new BrandId("a"), new BrandId("b")), scoring,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String early = task.run(Instant.parse("2026-12-02T00:01:00Z"));
        String late = task.run(Instant.parse("2026-12-02T23:59:00Z"));

        assertEquals("2 brands scored as of 2026-12-01: 2 pages, 2 runs done, 0 in progress", early);
        assertEquals("2 brands scored as of 2026-12-01: 0 pages, 2 runs done, 0 in progress", late);
        assertEquals(4, breakdowns.size());
        assertTrue(breakdowns.stream().allMatch(b -> b.asOf().equals(LocalDate.of(2026, 12, 1))));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"job\":\"customer-scores\",\"brand\":\"b\""));
    }

    private BrandSetupReadPort noCardSets() {
        return (BrandSetupReadPort) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BrandSetupReadPort.class}, (p, m, a) -> m.getName().equals("cardSets") ? List.of() : null);
    }

    private <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new AssertionError("not called without cards: " + m.getName());
        }));
    }

    private final class Breakdowns implements CustomerScoresPort {
        @Override
        public Optional<StoredScore> score(BrandId brand, CardNumber card) {
            return Optional.empty();
        }

        @Override
        public void putScore(StoredScore score) {
        }

        @Override
        public Optional<ScoreBreakdown> breakdown(BrandId brand) {
            return Optional.empty();
        }

        @Override
        public void putBreakdown(ScoreBreakdown breakdown) {
            breakdowns.add(breakdown);
        }
    }
}
