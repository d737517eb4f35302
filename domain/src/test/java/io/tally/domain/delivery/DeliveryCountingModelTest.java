package io.tally.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.delivery.DeliveryEvent.Kind;
import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.member.PreferencesUseCase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The counting checked against a model written apart from it: the figures are computed straight from the distinct
 * events (a count per kind, distinct recipients for the unique figures), while the code under test receives every
 * event once or more, shuffled, with the process dying after random writes and the clock moving past the lease
 * before each retry. Each figure must equal the model's, and no event may stay half counted.
 */
class DeliveryCountingModelTest {
    private static final List<String> MAILINGS = List.of("send-a", "rule-b", "test-c");
    private static final Kind[] KINDS = {Kind.SEND, Kind.DELIVERY, Kind.DELIVERY, Kind.OPEN, Kind.OPEN, Kind.OPEN,
            Kind.CLICK, Kind.CLICK, Kind.SOFT_BOUNCE, Kind.HARD_BOUNCE, Kind.COMPLAINT, Kind.BOUNCE_DROP, Kind.IGNORED};
    private static final LocalDate FIRST_DAY = LocalDate.ofInstant(TestWorld.START, ZoneOffset.UTC);

    private final MemberWorld m = new MemberWorld();
    private final InMemoryDeliveryStats store = new InMemoryDeliveryStats();
    private final WriteFaults faults = new WriteFaults();
    private final RecordDeliveryUseCase record = new RecordDeliveryUseCase(
            faults.wrap(DeliveryStatsPort.class, store), faults.wrap(BouncedAddressesPort.class, store),
            new PreferencesUseCase(faults.wrap(PreferencesPort.class, m.stores), m.world.events, m.world.clock),
            m.stores, b -> ZoneOffset.UTC, m.world.clock);

    {
        m.stores.save(m.config);
    }

    @Test
    void every_figure_equals_the_model_under_duplicates_reordering_and_crashes() {
        for (long seed = 1; seed <= 20; seed++) {
            DeliveryCountingModelTest run = new DeliveryCountingModelTest();
            run.check(seed);
        }
    }

    @Test
    void a_crash_after_each_write_of_one_event_still_counts_it_once() {
        DeliveryEvent open = event("ev-1", Kind.OPEN, "send-a", 2, 0);
        DeliveryCountingModelTest clean = new DeliveryCountingModelTest();
        clean.faults.reset();
        clean.record.record(open);
        int writes = clean.faults.log().size();
        assertTrue(writes >= 6, "begin, first, two adds, finish, two settles: " + clean.faults.log());
        for (int n = 1; n <= writes; n++) {
            DeliveryCountingModelTest run = new DeliveryCountingModelTest();
            run.faults.reset();
            run.faults.crashAfterWrite(n);
            try {
                run.record.record(open);
            } catch (Crash expected) {
                run.m.world.clock.advance(DeliveryStatsPort.LEASE.plusSeconds(1));
            }
            run.record.record(open);
            run.record.record(open);
            assertEquals(clean.store.load(TestWorld.BRAND, FIRST_DAY, FIRST_DAY.plusDays(5)),
                    run.store.load(TestWorld.BRAND, FIRST_DAY, FIRST_DAY.plusDays(5)), "crash after write " + n);
            assertEquals(0, run.store.pendingMarkers());
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<DeliveryEvent> events = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            events.add(event("ev-" + n, KINDS[random.nextInt(KINDS.length)], MAILINGS.get(random.nextInt(3)),
                    random.nextInt(5), random.nextInt(72)));
        }
        List<DeliveryEvent> deliveries = new ArrayList<>();
        for (DeliveryEvent e : events) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                deliveries.add(random.nextInt(deliveries.size() + 1), e);
            }
        }
        while (!deliveries.isEmpty()) {
            DeliveryEvent e = deliveries.remove(0);
            faults.reset();
            if (random.nextInt(3) == 0) {
                faults.crashAfterWrite(1 + random.nextInt(8));
            }
            try {
                record.record(e);
            } catch (Crash | RecordDeliveryUseCase.EventBusy retry) {
                deliveries.add(random.nextInt(deliveries.size() + 1), e); // the queue redelivers it, some time later
                m.world.clock.advance(DeliveryStatsPort.LEASE.plusSeconds(1));
            }
        }
        assertEquals(model(events), actual(), "seed " + seed);
        assertEquals(0, store.pendingMarkers(), "seed " + seed);
    }

    /** Recipient i of a mailing: location by recipient (a message has one), none for every third. */
    private static DeliveryEvent event(String id, Kind kind, String mailing, int recipient, int hours) {
        Optional<String> location = recipient % 3 == 0 ? Optional.empty() : Optional.of("L" + recipient % 2);
        String address = "r" + recipient + "@example.com";
        return new DeliveryEvent(id, TestWorld.BRAND, kind, mailing, Optional.of("news"), location,
                DeliveryEvent.recipientOf(address), Optional.of(address), TestWorld.START.plus(Duration.ofHours(hours)));
    }

    // --- the model: straight from the distinct events ---

    private static final String[] FIGURES = {"sendRequests", "delivered", "opens", "clicks", "softBounces",
            "hardBounces", "bounceDrops", "uniqueOpens", "uniqueClicks", "spamReports"};

    private static Map<String, Long> model(List<DeliveryEvent> events) {
        Map<String, Long> figures = new HashMap<>();
        Map<String, Set<String>> distinct = new HashMap<>();
        for (DeliveryEvent e : events) {
            if (e.mailing().startsWith("test-") || e.kind() == Kind.IGNORED) {
                continue;
            }
            String day = e.at().atZone(ZoneOffset.UTC).toLocalDate().toString();
            List<String> places = new ArrayList<>(List.of("*"));
            e.location().ifPresent(places::add);
            for (String place : places) {
                String plain = switch (e.kind()) {
                    case SEND -> "sendRequests";
                    case DELIVERY -> "delivered";
                    case OPEN -> "opens";
                    case CLICK -> "clicks";
                    case SOFT_BOUNCE -> "softBounces";
                    case HARD_BOUNCE -> "hardBounces";
                    case BOUNCE_DROP -> "bounceDrops";
                    default -> null;
                };
                if (plain != null) {
                    figures.merge(day + " " + e.mailing() + " " + place + " " + plain, 1L, Long::sum);
                }
                String unique = switch (e.kind()) {
                    case OPEN -> "uniqueOpens";
                    case CLICK -> "uniqueClicks";
                    case COMPLAINT -> "spamReports";
                    default -> null;
                };
                if (unique != null) {
                    distinct.computeIfAbsent(e.mailing() + " " + place + " " + unique, k -> new HashSet<>()).add(e.recipient());
                }
            }
        }
        distinct.forEach((k, recipients) -> figures.put(k, (long) recipients.size()));
        return figures;
    }

    /** The stored counters in the model's terms: plain figures per day, unique ones per mailing over all days. */
    private Map<String, Long> actual() {
        Map<String, Long> figures = new HashMap<>();
        for (Row row : store.load(TestWorld.BRAND, FIRST_DAY.minusDays(1), FIRST_DAY.plusDays(10))) {
            Figures f = row.figures();
            String place = row.counter().location().orElse("*");
            String at = row.counter().day() + " " + row.counter().mailing() + " " + place + " ";
            long[] plain = {f.sendRequests(), f.delivered(), f.opens(), f.clicks(), f.softBounces(), f.hardBounces(),
                    f.bounceDrops()};
            for (int i = 0; i < plain.length; i++) {
                if (plain[i] != 0) {
                    figures.merge(at + FIGURES[i], plain[i], Long::sum);
                }
            }
            long[] unique = {f.uniqueOpens(), f.uniqueClicks(), f.spamReports()};
            for (int i = 0; i < unique.length; i++) {
                if (unique[i] != 0) {
                    figures.merge(row.counter().mailing() + " " + place + " " + FIGURES[7 + i], unique[i], Long::sum);
                }
            }
        }
        return figures;
    }
}
