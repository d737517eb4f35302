package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.TransactionFacts;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollups job visits every brand, reports each difference with its cells, and a failing brand stops no other. */
class RollupsTaskTest {
    private static final BrandId BROKEN = new BrandId("BROKEN");

    private final TestWorld world = new TestWorld();
    private final InMemoryRollups store = new InMemoryRollups();
    private final RollupUseCase rollups = new RollupUseCase(world.programs, store, brand -> {
        if (brand.equals(BROKEN)) {
            throw new IllegalStateException("no zone for " + brand);
        }
        return ZoneId.of("America/New_York");
    }, world.clock);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RollupsTask task = new RollupsTask(() -> List.of(BROKEN, TestWorld.BRAND), rollups, Json.mapper(),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void a_difference_is_logged_with_its_cells_and_a_failing_brand_stops_no_other() {
        TransactionFacts facts = new TransactionFacts(world.cards);
        CardNumber card = world.activeCard();
        world.clock.advance(Duration.ofHours(15));
        world.issue(card, 1_000);
        world.events.published().forEach(e -> world.programs.record(facts.apply(e)));
        int seen = world.events.published().size();
        world.clock.advance(Duration.ofDays(1));
        world.redeem(card, 300);
        world.clock.advance(Duration.ofDays(1));

        String first = task.run(world.clock.instant());
        assertEquals("2 brands: 2 days rolled up, 0 rolled up again (late entries), 0 differences found and repaired, "
                + "1 brands failed", first);
        // the redemption reaches the log now, unnoticed (nothing noted its day late): the re-verification finds it
        world.events.published().subList(seen, world.events.published().size())
                .forEach(e -> world.programs.record(facts.apply(e)));
        String second = task.run(world.clock.instant());
        assertTrue(second.contains("1 differences found and repaired"), second);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"level\":\"WARN\",\"job\":\"rollups\",\"brand\":\"BROKEN\"")
                && l.contains("no zone for BROKEN")), String.join("\n", lines));
        String difference = lines.stream().filter(l -> l.contains("\"day\"")).findFirst().orElseThrow();
        assertTrue(difference.startsWith("{\"level\":\"WARN\",\"job\":\"rollups\",\"brand\":\"" + TestWorld.BRAND.value()),
                difference);
        assertTrue(difference.contains("redeem") && difference.contains("computed Flow[credit=0, debit=300, count=1]"),
                difference);
    }
}
