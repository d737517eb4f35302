package io.tally.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryStatsPort.Counter;
import io.tally.domain.delivery.DeliveryStatsPort.Progress;
import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.report.export.DirectMailSends;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A count cut short after its claim is taken over only once its lease is over: the usual 2 minutes, or the longer
 * lease of a consumer that runs longer (the report writer's direct mail counts), so a completion beside a stalled one
 * waits instead of counting the same event a second time.
 */
class CountLeaseTest {
    private final TestWorld w = new TestWorld();
    private final AtomicBoolean crash = new AtomicBoolean(true);
    private final InMemoryDeliveryStats store = new InMemoryDeliveryStats();
    /** The store, but the first add dies (an invocation that stalled after its claim). */
    private final DeliveryStatsPort stalling = new DeliveryStatsPort() {
        @Override
        public Progress begin(BrandId brand, String eventId, Instant now, Duration lease) {
            return store.begin(brand, eventId, now, lease);
        }

        @Override
        public boolean first(BrandId brand, String mailing, DeliveryEvent.Kind kind, String recipient, String eventId) {
            return store.first(brand, mailing, kind, recipient, eventId);
        }

        @Override
        public void add(Counter counter, String eventId, Figures figures) {
            if (crash.getAndSet(false)) {
                throw new IllegalStateException("the invocation stalled after its claim");
            }
            store.add(counter, eventId, figures);
        }

        @Override
        public void finish(BrandId brand, String eventId) {
            store.finish(brand, eventId);
        }

        @Override
        public void settle(Counter counter, String eventId) {
            store.settle(counter, eventId);
        }

        @Override
        public List<Row> load(BrandId brand, LocalDate from, LocalDate to) {
            return store.load(brand, from, to);
        }
    };
    private final RecordDeliveryUseCase record = new RecordDeliveryUseCase(stalling, RecordDeliveryUseCase.Actions.NONE,
            b -> ZoneOffset.UTC, w.clock);

    private long sent() {
        LocalDate day = LocalDate.ofInstant(TestWorld.START, ZoneOffset.UTC);
        return store.load(TestWorld.BRAND, day, day).stream().mapToLong(r -> r.figures().sendRequests()).sum();
    }

    @Test
    void the_usual_lease_is_taken_over_after_two_minutes() {
        assertThrows(IllegalStateException.class, () -> record.recordSent(TestWorld.BRAND, "dm-r1", "dm-r1",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        w.clock.advance(Duration.ofMinutes(1));
        assertThrows(RecordDeliveryUseCase.EventBusy.class, () -> record.recordSent(TestWorld.BRAND, "dm-r1", "dm-r1",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        w.clock.advance(DeliveryStatsPort.LEASE);
        assertEquals(RecordDeliveryUseCase.Outcome.COUNTED, record.recordSent(TestWorld.BRAND, "dm-r1", "dm-r1",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        assertEquals(40, sent());
    }

    @Test
    void a_direct_mail_count_holds_its_event_for_the_report_writers_longer_lease() {
        RecordDeliveryUseCase longer = record.withLease(DirectMailSends.LEASE);
        assertThrows(IllegalStateException.class, () -> longer.recordSent(TestWorld.BRAND, "dm-r2", "dm-r2",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        w.clock.advance(Duration.ofMinutes(5)); // past the usual lease, within the report writer's run and then some
        assertThrows(RecordDeliveryUseCase.EventBusy.class, () -> longer.recordSent(TestWorld.BRAND, "dm-r2", "dm-r2",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        w.clock.advance(DirectMailSends.LEASE);
        assertEquals(RecordDeliveryUseCase.Outcome.COUNTED, longer.recordSent(TestWorld.BRAND, "dm-r2", "dm-r2",
                CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        assertEquals(RecordDeliveryUseCase.Outcome.ALREADY_COUNTED, longer.recordSent(TestWorld.BRAND, "dm-r2",
                "dm-r2", CardMailing.Channel.DIRECT_MAIL, TestWorld.START, 40));
        assertEquals(40, sent());
    }
}
