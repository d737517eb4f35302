package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.BouncedAddressesPort;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.delivery.DeliveryStatsPort.Counter;
import io.tally.domain.delivery.DeliveryStatsPort.Progress;
import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.delivery.Figures;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DeliveryStatsPort} and {@link BouncedAddressesPort}, run against the in-memory fake and the DynamoDB adapter. */
public abstract class DeliveryStatsContract {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant NOW = Instant.parse("2025-01-31T10:00:00Z");
    private static final Figures OPEN = new Figures(0, 0, 1, 1, 0, 0, 0, 0, 0, 0);

    protected abstract DeliveryStatsPort stats();

    protected abstract BouncedAddressesPort bounced();

    @Test
    void an_event_is_claimed_once_held_for_its_lease_then_taken_over_until_finished() {
        DeliveryStatsPort s = stats();
        assertEquals(Progress.MINE, s.begin(BRAND, "e-1", NOW));
        assertEquals(Progress.BUSY, s.begin(BRAND, "e-1", NOW.plusSeconds(60)));
        assertEquals(Progress.MINE, s.begin(BRAND, "e-1", NOW.plus(DeliveryStatsPort.LEASE).plusSeconds(1)));
        assertEquals(Progress.BUSY, s.begin(BRAND, "e-1", NOW.plus(DeliveryStatsPort.LEASE).plusSeconds(2)));
        s.finish(BRAND, "e-1");
        assertEquals(Progress.DONE, s.begin(BRAND, "e-1", NOW.plus(DeliveryStatsPort.LEASE.multipliedBy(3))));
        assertEquals(Progress.MINE, s.begin(new BrandId("OTHER"), "e-1", NOW), "another brand's event");
    }

    @Test
    void the_first_of_a_recipient_belongs_to_one_event_and_answers_it_again() {
        DeliveryStatsPort s = stats();
        assertTrue(s.first(BRAND, "send-a", Kind.OPEN, "r1", "e-1"));
        assertFalse(s.first(BRAND, "send-a", Kind.OPEN, "r1", "e-2"));
        assertTrue(s.first(BRAND, "send-a", Kind.OPEN, "r1", "e-1"), "the same event again: still its first");
        assertTrue(s.first(BRAND, "send-a", Kind.CLICK, "r1", "e-2"));
        assertTrue(s.first(BRAND, "send-b", Kind.OPEN, "r1", "e-3"));
    }

    @Test
    void an_add_counts_once_per_event_while_its_marker_stands_and_rows_come_by_day_range() {
        DeliveryStatsPort s = stats();
        Counter jan31 = new Counter(BRAND, LocalDate.of(2025, 1, 31), "send-a", Optional.empty());
        Counter jan31AtL1 = new Counter(BRAND, LocalDate.of(2025, 1, 31), "send-a", Optional.of("L1"));
        Counter feb1 = new Counter(BRAND, LocalDate.of(2025, 2, 1), "send-a", Optional.empty());
        s.add(jan31, "e-1", OPEN);
        s.add(jan31, "e-1", OPEN);
        s.add(jan31AtL1, "e-1", OPEN);
        s.add(jan31, "e-2", new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        s.add(feb1, "e-3", new Figures(0, 1, 0, 0, 0, 0, 0, 0, 0, 0));
        s.settle(jan31, "e-1");
        s.settle(jan31, "e-1");
        s.settle(jan31AtL1, "e-1");

        List<Row> rows = s.load(BRAND, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 28));
        assertEquals(List.of(new Row(jan31, new Figures(1, 0, 1, 1, 0, 0, 0, 0, 0, 0)), new Row(jan31AtL1, OPEN),
                new Row(feb1, new Figures(0, 1, 0, 0, 0, 0, 0, 0, 0, 0))), rows);
        assertEquals(List.of(new Row(feb1, new Figures(0, 1, 0, 0, 0, 0, 0, 0, 0, 0))),
                s.load(BRAND, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 1)));
        assertEquals(List.of(), s.load(new BrandId("OTHER"), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void a_counter_keeps_the_channel_of_its_mailing() {
        DeliveryStatsPort s = stats();
        Counter text = new Counter(BRAND, LocalDate.of(2025, 3, 1), "send-t", Optional.of("L1"), CardMailing.Channel.SMS);
        Counter mail = new Counter(BRAND, LocalDate.of(2025, 3, 1), "dm-r1", Optional.empty(),
                CardMailing.Channel.DIRECT_MAIL);
        s.add(text, "e-1", new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        s.add(mail, "e-2", new Figures(120, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        s.settle(text, "e-1");
        s.settle(mail, "e-2");
        List<Row> rows = s.load(BRAND, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));
        assertEquals(List.of(new Row(mail, new Figures(120, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                new Row(text, new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 0))), rows);
    }

    @Test
    void a_bounced_address_is_marked_whatever_its_case() {
        BouncedAddressesPort b = bounced();
        assertFalse(b.find(BRAND, "bob@example.com"));
        b.mark(BRAND, "Bob@Example.com", NOW);
        b.mark(BRAND, "bob@example.com", NOW.plusSeconds(5));
        assertTrue(b.find(BRAND, "bob@example.com"));
        assertFalse(b.find(new BrandId("OTHER"), "bob@example.com"));
    }
}
