package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryRollups;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
    private final RollupsTask task = new RollupsTask(() -> List.of(BROKEN, TestWorld.BRAND), rollups,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void a_difference_is_logged_with_its_cells_and_a_failing_brand_stops_no_other() {
        Instant noon = world.clock.instant().plus(Duration.ofHours(17));
        world.programs.record(ledger("e1", "issue", noon, "1000"));
        world.clock.advance(Duration.ofDays(2)); // the day before yesterday: re-verified by every run

        String first = task.run(world.clock.instant());
        assertTrue(first.startsWith("2 brands: ") && first.endsWith("1 brands failed"), first);
        // an entry of that day reaches the log now and nothing notes it late: the re-verification finds it
        world.programs.record(ledger("e2", "redeem", noon.plusSeconds(60), "-300"));
        String second = task.run(world.clock.instant());
        assertTrue(second.contains("1 differences found and repaired"), second);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"level\":\"WARN\"") && l.contains("\"job\":\"rollups\",\"brand\":\"BROKEN\"")
                && l.contains("no zone for BROKEN")), String.join("\n", lines));
        String difference = lines.stream().filter(l -> l.contains("\"day\"")).findFirst().orElseThrow();
        assertTrue(difference.contains("\"level\":\"WARN\"")
                && difference.contains("\"job\":\"rollups\",\"brand\":\"" + TestWorld.BRAND.value() + "\""), difference);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"timestamp\":\"")), "every line through LogLine");
        assertTrue(difference.contains("redeem") && difference.contains("computed Flow[credit=0, debit=300, count=1]"),
                difference);
    }

    private static DomainEvent ledger(String id, String type, Instant at, String usd) {
        return new DomainEvent(id, "ledger." + type, TestWorld.BRAND, at, Map.of("cardNumber", "6000000000000001",
                "transactionId", "T-" + id, "location", "LOC1", "balance.Currency:USD", usd));
    }
}
