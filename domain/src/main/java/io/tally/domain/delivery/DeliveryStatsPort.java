package io.tally.domain.delivery;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery statistics' items: each event's own item (its claim and how far its counting got), the per-recipient
 * firsts (unique opens, clicks, spam reports) and the counters per day, mailing and location. Every method is one
 * single-item write or read, so counting one event is a resumable chain of steps ({@link RecordDeliveryUseCase}):
 * <ol>
 *   <li>{@link #begin}: claim the event for a while (a lease longer than any consumer can run);</li>
 *   <li>{@link #first}: whether it is the recipient's first of its kind in the mailing (decided once, by event id);</li>
 *   <li>{@link #add} to each counter: the figures and the event's pending marker in one conditional write, so a
 *   repeated add of the same event changes nothing;</li>
 *   <li>{@link #finish}: the event is counted everywhere;</li>
 *   <li>{@link #settle} each counter: its marker goes (markers stay only while their events are being counted).</li>
 * </ol>
 * A crash after any step leaves the event claimed but not finished: once the lease is over, its redelivery takes the
 * lease and repeats the chain, and every step it repeats changes nothing. The lease keeps two deliveries of one event
 * from running the chain at once (a lagging one could add after the other settled).
 */
public interface DeliveryStatsPort {
    /**
     * A consumer holds an event this long at most: four times the consumers' Lambda timeout (30 s), and shorter than
     * their queues' visibility timeout (180 s), so a redelivery after a consumer died always finds the lease over
     * (a 15-minute lease outlived the queue's 5 receives: the event went to the dead-letter queue half counted).
     */
    Duration LEASE = Duration.ofMinutes(2);

    /** What {@link #begin} found. */
    enum Progress {
        /** Ours to count: claimed now, or taken over from a delivery whose lease ran out. */
        MINE,
        /** Counted already (a duplicate or a redelivery): only the markers may need settling. */
        DONE,
        /** Another delivery of the event holds its lease: try again later. */
        BUSY
    }

    /**
     * One counter: a brand's day (in its zone), a mailing and, where known, a location; {@code channel} is what the
     * mailing went out on (one per mailing, so not part of the counter's identity in storage: written with each add,
     * e-mail when a stored counter has none).
     */
    record Counter(BrandId brand, LocalDate day, String mailing, Optional<String> location,
                   CardMailing.Channel channel) {
        public Counter(BrandId brand, LocalDate day, String mailing, Optional<String> location) {
            this(brand, day, mailing, location, CardMailing.Channel.EMAIL);
        }

        public Counter {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(mailing, "mailing");
            Objects.requireNonNull(location, "location");
        }
    }

    record Row(Counter counter, Figures figures) {
    }

    /** A120: claims the event (or takes over an expired lease of it) until {@code now + LEASE}. */
    default Progress begin(BrandId brand, String eventId, Instant now) {
        return begin(brand, eventId, now, LEASE);
    }

    /** A120 with a lease of the caller's: for a consumer whose invocations run longer than {@link #LEASE} allows for. */
    Progress begin(BrandId brand, String eventId, Instant now, Duration lease);

    /** A121: true if {@code eventId} is (now or already) the recipient's first event of this kind in the mailing. */
    boolean first(BrandId brand, String mailing, DeliveryEvent.Kind kind, String recipient, String eventId);

    /** A122: adds the event's figures to the counter unless its marker is there already. */
    void add(Counter counter, String eventId, Figures figures);

    /** A120: the event is counted in every counter it touches. */
    void finish(BrandId brand, String eventId);

    /** A122: removes the event's marker from the counter (after {@link #finish}; a missing marker is fine). */
    void settle(Counter counter, String eventId);

    /** A123: every counter of the brand's days {@code from} to {@code to} (inclusive), days ascending. */
    List<Row> load(BrandId brand, LocalDate from, LocalDate to);
}
