package io.tally.domain.delivery;

import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.delivery.DeliveryStatsPort.Counter;
import io.tally.domain.delivery.DeliveryStatsPort.Progress;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final BouncedAddressesPort bounced;
    private final PreferencesUseCase preferences;
    private final PortalConfigPort configs;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;

    public RecordDeliveryUseCase(DeliveryStatsPort stats, BouncedAddressesPort bounced, PreferencesUseCase preferences,
                                 PortalConfigPort configs, Function<BrandId, ZoneId> zones, Clock clock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.bounced = Objects.requireNonNull(bounced, "bounced");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public enum Outcome { COUNTED, ALREADY_COUNTED, NOT_COUNTED }

    /** Another delivery of the same event is counting it right now: the caller retries later (the queue redelivers). */
    public static final class EventBusy extends RuntimeException {
        public EventBusy(String eventId) {
            super("delivery event " + eventId + " is being counted by another delivery");
        }
    }

    public Outcome record(DeliveryEvent event) {
        act(event);
        if (!event.counted()) {
            return Outcome.NOT_COUNTED;
        }
        List<Counter> counters = counters(event);
        Progress progress = stats.begin(event.brand(), event.id(), clock.instant());
        if (progress == Progress.BUSY) {
            throw new EventBusy(event.id());
        }
        if (progress == Progress.MINE) {
            boolean first = Figures.perRecipient(event.kind())
                    && stats.first(event.brand(), event.mailing(), event.kind(), event.recipient(), event.id());
            Figures figures = Figures.of(event.kind(), first);
            for (Counter counter : counters) {
                stats.add(counter, event.id(), figures);
            }
            stats.finish(event.brand(), event.id());
        }
        for (Counter counter : counters) {
            stats.settle(counter, event.id());
        }
        return progress == Progress.MINE ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }

    private void act(DeliveryEvent event) {
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

    private List<Counter> counters(DeliveryEvent event) {
        LocalDate day = event.at().atZone(zones.apply(event.brand())).toLocalDate();
        List<Counter> counters = new ArrayList<>(2);
        counters.add(new Counter(event.brand(), day, event.mailing(), Optional.empty()));
        event.location().ifPresent(l -> counters.add(new Counter(event.brand(), day, event.mailing(), Optional.of(l))));
        return counters;
    }
}
