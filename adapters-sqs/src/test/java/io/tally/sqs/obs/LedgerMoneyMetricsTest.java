package io.tally.sqs.obs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LedgerMoneyMetricsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry("merchant-api", Map.of(Telemetry.BRAND, "acme"),
            new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
    private final List<DomainEvent> published = new ArrayList<>();
    private final LedgerMoneyMetrics publisher = new LedgerMoneyMetrics(published::addAll);

    @Test
    void issued_and_redeemed_amounts_count_in_decimal_units_per_value_type() throws Exception {
        telemetry.run(null, null, null, () -> {
            publisher.publish(List.of(event("ledger.issue", Map.of("balance.Currency:USD", "401")),
                    event("ledger.redeem", Map.of("balance.Points", "-25", "held.Points", "0")),
                    event("ledger.checkout", Map.of("balance.Currency:USD", "-150", "balance.Points", "3")),
                    event("ledger.void", Map.of("balance.Currency:USD", "-401")),
                    event("ledger.expire", Map.of("balance.Points", "-7"))));
            return null;
        });
        assertEquals(5, published.size());
        Map<String, String> figures = new TreeMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode emf = new ObjectMapper().readTree(line);
            String metric = emf.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").get(0).get("Name").asText();
            emf.fieldNames().forEachRemaining(f -> {
                if (f.startsWith("Money")) {
                    figures.put(f + " " + emf.get("ValueType").asText(), emf.get(f).toString());
                }
            });
            assertTrue(metric.startsWith("Money"), line);
        }
        assertEquals(Map.of("MoneyIssued Currency:USD", "4.01", "MoneyRedeemed Points", "25",
                "MoneyRedeemed Currency:USD", "1.5", "MoneyIssued Points", "3"), figures);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"MoneyRedeemed\":1.50"), "written at the value type's scale");
    }

    @Test
    void outside_an_invocation_nothing_is_counted_and_the_events_still_go_out() {
        publisher.publish(List.of(event("ledger.issue", Map.of("balance.Currency:USD", "401"))));
        assertEquals(1, published.size());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private static DomainEvent event(String type, Map<String, String> data) {
        return new DomainEvent("e-" + type, type, new BrandId("acme"), Instant.parse("2026-12-01T10:00:00Z"), data);
    }
}
