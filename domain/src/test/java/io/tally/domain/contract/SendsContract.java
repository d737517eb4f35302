package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.send.PageListing;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.communication.send.SendsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link SendsPort}: created once, changed only over the version read (a cancel and a start of the same version: one
 * wins), due and stale sends found by their time, a page's first listing kept, each page recorded once, SENDING
 * finished once, the brand's rate.
 */
public abstract class SendsContract {
    protected abstract SendsPort sends();

    private final BrandId brand = new BrandId("S" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    private Send draft(String id) {
        return new Send(brand, id, "December news", "tpl1", 0, "news", Optional.of("seg1"), SendChannel.EMAIL,
                Optional.empty(), Optional.empty(), SendStatus.DRAFT, Optional.empty(), 14, SendProgress.NONE,
                Optional.empty(), t0, "staff-1", 1);
    }

    private Send queued(String id, Instant at) {
        Send d = draft(id);
        assertTrue(sends().create(d));
        Send q = d.queued(3, at, "https://x.example/portal/B", t0, "staff-1");
        assertTrue(sends().update(q));
        return q;
    }

    @Test
    void a_send_is_created_once_and_changed_only_over_the_version_read() {
        Send d = draft("a1");
        assertTrue(sends().create(d));
        assertFalse(sends().create(d));
        assertEquals(Optional.of(d), sends().find(brand, "a1"));
        Send q = d.queued(3, t0.plusSeconds(3600), "https://x.example/portal/B", t0, "staff-1");
        assertTrue(sends().update(q));
        assertEquals(Optional.of(q), sends().find(brand, "a1"));
        // a cancel and a start, both over version 2: the first write wins, the second is refused
        assertTrue(sends().update(q.next(SendStatus.CANCELLED, t0, "staff-2")));
        assertFalse(sends().update(q.started(Optional.empty(), 14, t0)));
        assertEquals(SendStatus.CANCELLED, sends().find(brand, "a1").orElseThrow().status());
        assertEquals(List.of("a1"), sends().list(brand).stream().map(Send::id).toList());
        assertEquals(Optional.empty(), sends().find(brand, "nope"));
    }

    @Test
    void due_sends_are_the_queued_ones_at_or_before_now_earliest_first() {
        queued("d2", t0.plusSeconds(120));
        queued("d1", t0.plusSeconds(60));
        queued("d3", t0.plusSeconds(600));
        Send cancelled = queued("d4", t0.plusSeconds(30));
        assertTrue(sends().update(cancelled.next(SendStatus.CANCELLED, t0, "staff-1")));
        assertEquals(List.of("d1", "d2"), sends().due(brand, t0.plusSeconds(120), 10).stream().map(Send::id).toList());
        assertEquals(List.of("d1"), sends().due(brand, t0.plusSeconds(120), 1).stream().map(Send::id).toList());
        Send d1 = sends().find(brand, "d1").orElseThrow();
        assertTrue(sends().update(d1.started(Optional.empty(), 14, t0.plusSeconds(60))));
        assertEquals(List.of("d2"), sends().due(brand, t0.plusSeconds(120), 10).stream().map(Send::id).toList());
        assertEquals(List.of("d1"), sends().stale(brand, t0.plusSeconds(60), 10).stream().map(Send::id).toList());
        assertEquals(List.of(), sends().stale(brand, t0.plusSeconds(59), 10));
    }

    @Test
    void each_page_is_listed_once_and_recorded_once_and_the_last_says_how_many() {
        Send q = queued("p1", t0);
        assertTrue(sends().update(q.started(Optional.of("2026-12-01.v0000000001"), 20, t0)));
        CardNumber a = ContractData.freshCard();
        CardNumber b = ContractData.freshCard();
        PageListing first = new PageListing(List.of(a, b), Optional.of("cursor-2"));
        assertEquals(first, sends().list(brand, "p1", 0, first));
        assertEquals(first, sends().list(brand, "p1", 0, new PageListing(List.of(b), Optional.empty())));
        assertEquals(Optional.of(first), sends().page(brand, "p1", 0));
        assertEquals(Optional.empty(), sends().page(brand, "p1", 1));

        Instant later = t0.plus(Duration.ofMinutes(5));
        SendsPort.Recorded r = sends().recordPage(brand, "p1", 0, 2, 0, false, later);
        assertTrue(r.recorded());
        assertFalse(sends().recordPage(brand, "p1", 0, 2, 0, false, later).recorded());
        SendsPort.Recorded last = sends().recordPage(brand, "p1", 1, 1, 4, true, later);
        SendProgress p = last.send().orElseThrow().progress();
        assertEquals(Set.of(0, 1), p.pagesDone());
        assertEquals(Optional.of(2), p.pages());
        assertEquals(3, p.queued());
        assertEquals(4, p.skipped());
        assertEquals(Optional.of(later), p.at());
        assertTrue(p.allPagesDone());
        Send stored = sends().find(brand, "p1").orElseThrow();
        assertEquals(q.version() + 1, stored.version());
        assertEquals(Optional.of("2026-12-01.v0000000001"), stored.snapshot());
        assertEquals(20, stored.rate());

        assertTrue(sends().finish(brand, "p1", SendStatus.SENT, Optional.empty(), later));
        assertFalse(sends().finish(brand, "p1", SendStatus.ERROR, Optional.of("late"), later));
        assertFalse(sends().recordPage(brand, "p1", 2, 1, 0, false, later).recorded());
        Send sent = sends().find(brand, "p1").orElseThrow();
        assertEquals(SendStatus.SENT, sent.status());
        assertEquals(3, sent.progress().queued());
        assertEquals(List.of(), sends().stale(brand, later.plusSeconds(3600), 10));
    }

    @Test
    void a_failed_send_keeps_its_reason_and_a_page_of_a_send_not_sending_is_not_recorded() {
        Send q = queued("e1", t0);
        assertFalse(sends().recordPage(brand, "e1", 0, 1, 0, false, t0).recorded());
        assertTrue(sends().update(q.started(Optional.empty(), 14, t0)));
        assertTrue(sends().finish(brand, "e1", SendStatus.ERROR, Optional.of("No progress"), t0.plusSeconds(7200)));
        Send failed = sends().find(brand, "e1").orElseThrow();
        assertEquals(SendStatus.ERROR, failed.status());
        assertEquals(Optional.of("No progress"), failed.error());
        assertFalse(sends().recordPage(brand, "e1", 0, 1, 0, false, t0).recorded());
    }

    @Test
    void the_rate_is_the_default_until_set() {
        assertEquals(SendsPort.DEFAULT_RATE, sends().rate(brand));
        sends().setRate(brand, 40);
        assertEquals(40, sends().rate(brand));
    }
}
