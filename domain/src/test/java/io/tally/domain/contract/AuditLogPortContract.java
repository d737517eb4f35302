package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLogPort} must do; run against the fake and against DynamoDB. */
public abstract class AuditLogPortContract {
    private static final AtomicInteger BRANDS = new AtomicInteger();
    /** A brand of its own per test: the DynamoDB adapter's tests share one table. */
    private final BrandId brand = new BrandId("ACME-" + BRANDS.incrementAndGet());
    private final BrandId other = new BrandId("OTHER-" + BRANDS.incrementAndGet());
    private static final StaffId ANN = new StaffId("staff-ann");
    private static final StaffId BOB = new StaffId("staff-bob");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final AuditLogPort.Filter ALL = new AuditLogPort.Filter(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"),
            Optional.empty(), Optional.empty());

    protected abstract AuditLogPort port();

    static AuditRecord record(BrandId brand, String id, Instant at, StaffId staff, String action) {
        return new AuditRecord(brand, id, at, staff, staff.value() + "@acme.test", action, "card:6036000000000001",
                Optional.of("goodwill"), Map.of("balance.USD", "10.00"), Map.of("balance.USD", "12.50"));
    }

    private List<String> ids(AuditLogPort.Filter filter) {
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            AuditLogPort.Page page = port().page(brand, filter, 2, cursor);
            page.records().forEach(r -> ids.add(r.id()));
            assertTrue(page.records().size() <= 2);
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    @Test
    void a_record_is_kept_once_whole_and_only_for_its_brand() {
        AuditRecord r = record(brand, "a-1", T0, ANN, "card.adjust");
        assertTrue(port().record(r));
        assertFalse(port().record(record(brand, "a-1", T0.plusSeconds(60), BOB, "card.void")), "the first one stays");

        List<AuditRecord> page = port().page(brand, ALL, 10, Optional.empty()).records();
        assertEquals(List.of(r), page);
        assertEquals(List.of(), port().page(other, ALL, 10, Optional.empty()).records());
        assertTrue(port().record(record(other, "a-1", T0, ANN, "card.adjust")), "ids are unique within a brand");
    }

    @Test
    void pages_are_newest_first_within_the_time_window_with_a_cursor() {
        for (int i = 0; i < 5; i++) {
            port().record(record(brand, "p-" + i, T0.plus(Duration.ofMillis(i * 500L)), ANN, "card.adjust"));
        }
        port().record(record(brand, "late", T0.plus(Duration.ofHours(1)), ANN, "card.adjust"));

        assertEquals(List.of("late", "p-4", "p-3", "p-2", "p-1", "p-0"), ids(ALL));
        AuditLogPort.Filter window = new AuditLogPort.Filter(T0.plusMillis(500), T0.plusMillis(2_000), Optional.empty(), Optional.empty());
        assertEquals(List.of("p-3", "p-2", "p-1"), ids(window), "from inclusive, to exclusive");
    }

    @Test
    void filters_by_staff_member_and_action_prefix() {
        port().record(record(brand, "f-1", T0, ANN, "card.adjust"));
        port().record(record(brand, "f-2", T0.plusSeconds(1), BOB, "card.adjust"));
        port().record(record(brand, "f-3", T0.plusSeconds(2), ANN, "card.status"));
        port().record(record(brand, "f-4", T0.plusSeconds(3), ANN, "setup.location"));
        port().record(record(brand, "f-5", T0.plusSeconds(4), ANN, "card.void"));

        assertEquals(List.of("f-5", "f-4", "f-3", "f-1"), ids(new AuditLogPort.Filter(Instant.EPOCH, T0.plusSeconds(60),
                Optional.of(ANN), Optional.empty())));
        assertEquals(List.of("f-5", "f-3", "f-2", "f-1"), ids(new AuditLogPort.Filter(Instant.EPOCH, T0.plusSeconds(60),
                Optional.empty(), Optional.of("card."))));
        assertEquals(List.of("f-5", "f-3", "f-1"), ids(new AuditLogPort.Filter(Instant.EPOCH, T0.plusSeconds(60),
                Optional.of(ANN), Optional.of("card."))));
        assertEquals(List.of("f-2"), ids(new AuditLogPort.Filter(Instant.EPOCH, T0.plusSeconds(60),
                Optional.of(BOB), Optional.of("card.adjust"))));
    }

    @Test
    void a_pending_intent_is_settled_once_and_keeps_who_when_and_before() {
        AuditRecord intent = record(brand, "i-1", T0, ANN, "card.adjust")
                .withAfter(Map.of(AuditRecord.OUTCOME, AuditRecord.PENDING, "balance.USD", "12.50"));
        port().record(intent);
        assertTrue(port().page(brand, ALL, 10, Optional.empty()).records().get(0).pending());

        Map<String, String> done = Map.of(AuditRecord.OUTCOME, AuditRecord.DONE, "balance.USD", "12.50", "transactionId", "t-1");
        assertTrue(port().settle(brand, "i-1", done));
        assertFalse(port().settle(brand, "i-1", Map.of(AuditRecord.OUTCOME, AuditRecord.REFUSED)), "the first settlement stays");
        assertFalse(port().settle(brand, "nope", done));
        assertFalse(port().settle(other, "i-1", done));

        AuditRecord stored = port().page(brand, ALL, 10, Optional.empty()).records().get(0);
        assertEquals(intent.withAfter(done), stored);
        assertEquals(Optional.of(stored), port().find(brand, "i-1"));
        assertEquals(Optional.empty(), port().find(other, "i-1"));
        assertEquals(Optional.empty(), port().find(brand, "nope"));
        port().record(record(brand, "i-2", T0, ANN, "card.adjust"));
        assertFalse(port().settle(brand, "i-2", done), "a record that was never an intent is not settled");
    }
}
