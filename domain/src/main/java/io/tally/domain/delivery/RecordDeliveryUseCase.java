package io.tally.domain.delivery;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.delivery.DeliveryStatsPort.Counter;
import io.tally.domain.delivery.DeliveryStatsPort.Progress;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Records one delivery event, exactly once by its id however often it arrives and wherever a crash cut an earlier
 * delivery of it short ({@link DeliveryStatsPort}'s chain of single-item steps). First what the event makes us do, both
 * safe to repeat: a complaint takes the recipient off the message's list as of the complaint's time (a later choice of
 * theirs still stands), a hard bounce marks the address (later sends of it are bounce drops). Then the counting: a
 * test send's events and the kinds nothing counts are not counted; the others count on the day they happened (the
 * brand's zone), for the mailing, and for the mailing at the message's location when it has one.
 */
public final class RecordDeliveryUseCase {
    private final DeliveryStatsPort stats;
    private final Actions actions;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;
    private final Duration lease;

    /** What an event makes us do besides counting it, safe to repeat. */
    @FunctionalInterface
    public interface Actions {
        /** For a graph that records only texts' events, which name no address and so act on nothing. */
        Actions NONE = event -> { };

        void act(DeliveryEvent event);
    }

    public RecordDeliveryUseCase(DeliveryStatsPort stats, BouncedAddressesPort bounced, PreferencesUseCase preferences,
                                 PortalConfigPort configs, Function<BrandId, ZoneId> zones, Clock clock) {
        this(stats, new ComplaintsAndBounces(bounced, preferences, configs), zones, clock);
    }

    public RecordDeliveryUseCase(DeliveryStatsPort stats, Actions actions, Function<BrandId, ZoneId> zones, Clock clock) {
        this(stats, actions, zones, clock, DeliveryStatsPort.LEASE);
    }

    private RecordDeliveryUseCase(DeliveryStatsPort stats, Actions actions, Function<BrandId, ZoneId> zones, Clock clock,
                                  Duration lease) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public enum Outcome { COUNTED, ALREADY_COUNTED, NOT_COUNTED }

    /**
     * The same, holding each event for {@code lease} instead of {@link DeliveryStatsPort#LEASE}: for a consumer whose
     * invocations run longer (the lease must outlast the consumer's timeout and end before its queue redelivers).
     */
    public RecordDeliveryUseCase withLease(Duration lease) {
        return new RecordDeliveryUseCase(stats, actions, zones, clock, lease);
    }

    /** Another delivery of the same event is counting it right now: the caller retries later (the queue redelivers). */
    public static final class EventBusy extends RuntimeException {
        public EventBusy(String eventId) {
            super("delivery event " + eventId + " is being counted by another delivery");
        }
    }

    public Outcome record(DeliveryEvent event) {
        actions.act(event);
        if (!event.counted()) {
            return Outcome.NOT_COUNTED;
        }
        return count(event.brand(), event.id(), counters(event), () -> {
            boolean first = Figures.perRecipient(event.kind())
                    && stats.first(event.brand(), event.mailing(), event.kind(), event.recipient(), event.id());
            return Figures.of(event.kind(), first);
        });
    }

    /**
     * Counts {@code sent} send requests at once, exactly once by {@code eventId}, for a mailing that goes out in bulk
     * outside any provider (a direct mail export: its addresses, on the day it was ready). The same chain as one event.
     */
    public Outcome recordSent(BrandId brand, String eventId, String mailing, CardMailing.Channel channel, Instant at,
                              long sent) {
        if (sent < 0) {
            throw new IllegalArgumentException("a count of send requests is never negative");
        }
        LocalDate day = at.atZone(zones.apply(brand)).toLocalDate();
        return count(brand, eventId, List.of(new Counter(brand, day, mailing, Optional.empty(), channel)),
                () -> new Figures(sent, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    private Outcome count(BrandId brand, String eventId, List<Counter> counters, Supplier<Figures> figures) {
        Progress progress = stats.begin(brand, eventId, clock.instant(), lease);
        if (progress == Progress.BUSY) {
            throw new EventBusy(eventId);
        }
        if (progress == Progress.MINE) {
            Figures added = figures.get();
            for (Counter counter : counters) {
                stats.add(counter, eventId, added);
            }
            stats.finish(brand, eventId);
        }
        for (Counter counter : counters) {
            stats.settle(counter, eventId);
        }
        return progress == Progress.MINE ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }

    /** A complaint takes the recipient off the message's list; a hard bounce marks the address. */
    private record ComplaintsAndBounces(BouncedAddressesPort bounced, PreferencesUseCase preferences,
                                        PortalConfigPort configs) implements Actions {
        private ComplaintsAndBounces {
            Objects.requireNonNull(bounced, "bounced");
            Objects.requireNonNull(preferences, "preferences");
            Objects.requireNonNull(configs, "configs");
        }

        @Override
        public void act(DeliveryEvent event) {
            if (event.address().isEmpty()) {
                return;
            }
            String address = event.address().get();
            if (event.kind() == Kind.HARD_BOUNCE) {
                bounced.mark(event.brand(), address, event.at());
            } else if (event.kind() == Kind.COMPLAINT && event.list().isPresent()) {
                boolean promotional = configs.load(event.brand()).flatMap(c -> c.list(event.list().get()))
                        .map(SubscriptionList::promotional).orElse(false);
                if (promotional) { // nobody leaves the transactional list (receipts, sign-in links)
                    preferences.complained(event.brand(), ContactKey.email(address), event.list().get(), event.at());
                }
            }
        }
    }

    private List<Counter> counters(DeliveryEvent event) {
        LocalDate day = event.at().atZone(zones.apply(event.brand())).toLocalDate();
        List<Counter> counters = new ArrayList<>(2);
        counters.add(new Counter(event.brand(), day, event.mailing(), Optional.empty(), event.channel()));
        event.location().ifPresent(l -> counters.add(new Counter(event.brand(), day, event.mailing(), Optional.of(l),
                event.channel())));
        return counters;
    }
}
