package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.communication.rule.DateRun;
import io.tally.domain.communication.rule.DateRulesUseCase;
import io.tally.domain.communication.rule.RuleFiring;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryCardStats;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryDateRuns;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryRules;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The task runs each brand's date rules in the brand's own local day; a brand without date rules closes its day at
 * once, a brand done for the day walks nothing more that day, and a brand that fails is logged while the others go on.
 */
class RuleDatesTaskTest {
    private static final Instant NOW = Instant.parse("2026-12-02T11:30:00Z");

    @Test
    void each_brand_runs_its_own_local_day_and_a_failing_brand_does_not_stop_the_others() {
        Map<String, ZoneId> zones = Map.of("a", ZoneId.of("Pacific/Auckland"), "b", ZoneId.of("America/Los_Angeles"));
        InMemoryDateRuns runs = new InMemoryDateRuns();
        MutableClock clock = new MutableClock(NOW);
        InMemoryCardPort cards = new InMemoryCardPort();
        RuleFiring firing = new RuleFiring(new InMemoryRules(), new InMemoryTemplates(), cards,
                new InMemoryMemberStores(), new InMemoryDueMails(), m -> {
                    throw new AssertionError("nothing to send");
                }, new UnsubscribeLinks(new SignedTokens(new byte[32])), b -> Optional.empty(), clock);
        DateRulesUseCase dates = new DateRulesUseCase(firing, new InMemoryConfigStore(), cards, new InMemoryCardStats(),
                runs, brand -> Optional.ofNullable(zones.get(brand.value()))
                        .orElseThrow(() -> new IllegalStateException("no checkout configuration")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RuleDatesTask task = new RuleDatesTask(() -> List.of(new BrandId("a"), new BrandId("b"), new BrandId("c")),
                () -> dates, 3, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals("3 brands: 0 pages, 0 date rules fired, 2 runs done, 1 brands failed", task.run(NOW));
        assertEquals("3 brands: 0 pages, 0 date rules fired, 2 runs done, 1 brands failed",
                task.run(NOW.plusSeconds(3600)));

        DateRun a = runs.find(new BrandId("a")).orElseThrow();
        DateRun b = runs.find(new BrandId("b")).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 3), a.day(), "00:30 on 3 December in Auckland");
        assertEquals(LocalDate.of(2026, 12, 2), b.day(), "03:30 on 2 December in Los Angeles");
        assertEquals(2, b.version(), "started and closed once: the second invocation only read it");
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("\"job\":\"rule-dates\",\"brand\":\"b\""), log);
        assertTrue(log.contains("rule dates failed; the next run goes on"), log);
    }
}
