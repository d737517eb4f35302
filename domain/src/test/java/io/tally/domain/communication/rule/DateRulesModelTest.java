package io.tally.domain.communication.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.fakes.InMemoryDateRuns;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryRules;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The date rules' job against a model written apart from it. The model knows only the cards' data (birth dates,
 * enrollment instants, the instants of their visits), the brand's zone and the local days the job covered (from its
 * first run's day to the day of its last), and says which (rule, occasion) must be sent and from when: a
 * birthday or an enrollment anniversary (29 February on 28 February in other years) or N local days after the last
 * visit with none since, on a local day after the card's enrollment day. The job runs at random moments (several times
 * a day, sometimes not for days), walks a few cards a page and a few pages an invocation, crashes right after random
 * writes (a send queued, a due send kept or forgotten, its run moved on), and is overtaken by an overlapping invocation;
 * cards are handed out during runs. The sender is modelled by its claim of the message id (A23). Visits are spaced
 * either well under or well over the lapse days, so whether a lapse fires never depends on the moment the walk reached
 * the card.
 */
class DateRulesModelTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final int LAPSE_DAYS = 10;
    private static final Duration ANNIVERSARY_DELAY = Duration.ofHours(2);
    private static final Instant START = Instant.parse("2027-02-01T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Auckland"));

    /** Thrown by an injected crash: the write was made, the caller never learns it. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("injected crash after a write");
        }
    }

    @Test
    void every_occasion_of_the_covered_local_days_is_sent_once_whatever_the_job_times_and_faults() {
        for (ZoneId zone : ZONES) {
            for (long seed = 1; seed <= 3; seed++) {
                History h = new History(seed, zone, 0.08, -1);
                h.simulate(400);
                h.check();
                assertTrue(h.kinds().values().stream().allMatch(n -> n >= 5), "each kind fired: " + h.kinds());
            }
        }
    }

    @Test
    void a_crash_after_each_write_in_turn_sends_what_a_clean_run_sends() {
        ZoneId zone = ZONES.get(1);
        History clean = new History(11, zone, 0, -1);
        clean.simulate(30);
        clean.check();
        assertTrue(clean.enqueued.values().stream().allMatch(n -> n == 1),
                "without faults each send is queued once: " + clean.enqueued);
        assertTrue(clean.faultWrites > 20, "enough writes to crash after: " + clean.faultWrites);
        for (int k = 1; k <= clean.faultWrites; k++) {
            History crashed = new History(11, zone, 0, k);
            crashed.simulate(30);
            crashed.check();
            assertEquals(clean.sent.keySet(), crashed.sent.keySet(), "crash after write " + k);
        }
    }

    @Test
    void days_missed_are_caught_up_at_most_seven_days_back() {
        History h = new History(5, ZONES.get(0), 0, -1);
        Map<Integer, CardNumber> bornOn = new HashMap<>();
        for (int day = 1; day <= 12; day++) {
            bornOn.put(day, h.card(START.minus(Duration.ofDays(800)), LocalDate.of(1980, 3, day), START));
        }
        h.runToDone(Instant.parse("2027-03-01T20:00:00Z"));
        h.runToDone(Instant.parse("2027-03-12T20:00:00Z")); // the scheduler was down from 2 to 11 March
        List<Integer> sent = bornOn.entrySet().stream()
                .filter(e -> h.sent.containsKey("rule-birthday-birthday-" + e.getValue().value() + "-2027"))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(1, 5, 6, 7, 8, 9, 10, 11, 12), sent, "12 March's run goes back to the 5th");
    }

    @Test
    void a_birthday_is_matched_on_the_brands_local_date() {
        History h = new History(6, ZONES.get(0), 0, -1);
        CardNumber card = h.card(START.minus(Duration.ofDays(800)), LocalDate.of(1985, 3, 10), START);
        String id = "rule-birthday-birthday-" + card.value() + "-2027";
        h.runToDone(Instant.parse("2027-03-10T07:30:00Z")); // 9 March, 23:30 in Los Angeles
        assertFalse(h.sent.containsKey(id));
        h.runToDone(Instant.parse("2027-03-10T07:30:00Z"));
        assertFalse(h.sent.containsKey(id), "a second run the same local day fires nothing new");
        h.runToDone(Instant.parse("2027-03-10T08:30:00Z")); // 10 March, 00:30 (PST until the 14th)
        assertTrue(h.sent.containsKey(id));
        h.runToDone(Instant.parse("2027-03-10T23:00:00Z"));
        assertEquals(1, h.enqueued.get(id), "queued once");
    }

    @Test
    void a_29_february_birthday_falls_on_28_february_in_other_years() {
        History h = new History(7, ZONES.get(1), 0, -1);
        CardNumber card = h.card(START.minus(Duration.ofDays(800)), LocalDate.of(1992, 2, 29), START);
        String prefix = "rule-birthday-birthday-" + card.value() + "-";
        h.runToDone(Instant.parse("2027-02-26T12:00:00Z")); // 27 February in Auckland
        assertFalse(h.sent.containsKey(prefix + "2027"));
        h.runToDone(Instant.parse("2027-02-27T12:00:00Z")); // 28 February
        assertTrue(h.sent.containsKey(prefix + "2027"));
        h.runToDone(Instant.parse("2028-02-27T12:00:00Z")); // 28 February of a leap year
        assertFalse(h.sent.containsKey(prefix + "2028"));
        h.runToDone(Instant.parse("2028-02-28T12:00:00Z")); // 29 February
        assertTrue(h.sent.containsKey(prefix + "2028"));
    }

    @Test
    void a_run_goes_on_where_the_last_invocation_stopped_and_a_done_day_walks_nothing() {
        History h = new History(8, ZONES.get(0), 0, -1);
        for (int i = 0; i < 10; i++) {
            h.card(START.minus(Duration.ofDays(800)), LocalDate.of(1980, 5, 1), START);
        }
        h.w.clock.set(Instant.parse("2027-03-01T20:00:00Z"));
        DateRulesUseCase.Progress first = h.dates.run(BRAND, h.w.clock.instant(), 2);
        assertEquals(2, first.pages());
        assertEquals(8, first.run().orElseThrow().cards(), "two pages of four");
        DateRulesUseCase.Progress second = h.dates.run(BRAND, h.w.clock.instant(), 2);
        assertEquals(1, second.pages());
        assertEquals(10, second.run().orElseThrow().cards(), "the last two cards, once");
        assertTrue(second.run().orElseThrow().done());
        DateRulesUseCase.Progress third = h.dates.run(BRAND, h.w.clock.instant().plus(Duration.ofHours(2)), 2);
        assertEquals(0, third.pages());
        assertEquals(second.run(), third.run(), "the day is done");
    }

    /** One simulated history of one brand. */
    private static final class History {
        final Random random;
        final Random faults;
        final ZoneId zone;
        final double crashRate;
        final int crashAt;
        final TestWorld w = new TestWorld();
        final InMemoryRules rules = new InMemoryRules();
        final InMemoryTemplates templates = new InMemoryTemplates();
        final InMemoryMemberStores portals = new InMemoryMemberStores();
        final InMemoryDueMails dueStore = new InMemoryDueMails();
        final InMemoryDateRuns runStore = new InMemoryDateRuns();
        /** The sender, as its claim (A23) makes it: the first queueing of a message id sends, later ones are dropped. */
        final Map<String, Instant> sent = new LinkedHashMap<>();
        final Map<String, Integer> enqueued = new HashMap<>();
        final List<Rule> ruleList = new ArrayList<>();
        final List<CardNumber> cards = new ArrayList<>();
        final Map<CardNumber, LocalDate> birthdays = new HashMap<>();
        final Map<CardNumber, Instant> enrolledAt = new HashMap<>();
        /** Every visit of a card, in time order, those to come included. */
        final Map<CardNumber, List<Instant>> visits = new HashMap<>();
        final RuleFiring firing;
        final DateRulesUseCase dates;
        int writes;
        /** The writes made while faults were on (the final invocations run without). */
        int faultWrites;
        boolean faultsOn;
        boolean overlapping;
        LocalDate firstRunDay;
        LocalDate lastRunDay;

        History(long seed, ZoneId zone, double crashRate, int crashAt) {
            this.random = new Random(seed);
            this.faults = new Random(seed * 31 + 7);
            this.zone = zone;
            this.crashRate = crashRate;
            this.crashAt = crashAt;
            w.clock.set(START.minus(Duration.ofDays(3 * 365)));
            portals.save(PortalTestData.config(BRAND, TestWorld.SET, TestWorld.POINTS));
            templates.create(new EmailTemplate(BRAND, "tpl", "Hi", "Hello", "<p>Hi</p>", "Hi", w.clock.instant(), "s", 1));
            EmailOutboxPort outbox = m -> {
                sent.putIfAbsent(m.id(), w.clock.instant());
                enqueued.merge(m.id(), 1, Integer::sum);
                written();
            };
            DueMailsPort due = FaultyRuleStores.dueMails(dueStore, this::written);
            firing = new RuleFiring(rules, templates, w.cards, portals, due, outbox,
                    new UnsubscribeLinks(new SignedTokens(new byte[32])), b -> Optional.empty(), w.clock);
            dates = new DateRulesUseCase(firing, w.programs, w.cards, FaultyRuleStores.lastVisits(c -> visits.get(c).stream()
                    .filter(v -> !v.isAfter(w.clock.instant())).reduce((a, b) -> b)),
                    FaultyRuleStores.dateRuns(runStore, this::overlap, this::written), b -> zone, 4);
            rule("birthday", new Trigger.Birthday(), Duration.ZERO, true);
            rule("anniversary", new Trigger.Anniversary(), ANNIVERSARY_DELAY, true);
            rule("lapsed", new Trigger.Lapsed(LAPSE_DAYS), Duration.ZERO, true);
            rule("paused", new Trigger.Birthday(), Duration.ZERO, false);
            rule("welcome", new Trigger.Enrollment(), Duration.ZERO, true);
        }

        void rule(String id, Trigger trigger, Duration delay, boolean active) {
            Rule r = new Rule(BRAND, id, id, trigger, "tpl", "account", delay, active, w.clock.instant(), "s", 1);
            rules.create(r);
            ruleList.add(r);
        }

        /** A write was made: count it, and maybe crash right after it. */
        void written() {
            writes++;
            if (faultsOn && (writes == crashAt || faults.nextDouble() < crashRate)) {
                throw new Crash();
            }
        }

        /** Before a run's write: sometimes an overlapping invocation walks a page first (the write then loses). */
        void overlap() {
            if (faultsOn && crashRate > 0 && !overlapping && faults.nextInt(20) == 0) {
                overlapping = true;
                try {
                    dates.run(BRAND, w.clock.instant(), 1);
                } catch (Crash c) {
                    // the overlapping invocation died too
                } finally {
                    overlapping = false;
                }
            }
        }

        /** A card handed out and enrolled at {@code enrolled}, born on {@code birth}, with visits up to {@code until}. */
        CardNumber card(Instant enrolled, LocalDate birth, Instant until) {
            CardNumber n = w.activeCard();
            Card card = w.cards.load(BRAND, n).orElseThrow();
            w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("Ann", "Lee",
                            "m" + cards.size() + "@example.com", "", "", "", "", "", "", "", birth, "")), Optional.empty(),
                    Map.of(), Map.of(), Map.of(), Optional.of(enrolled)));
            cards.add(n);
            birthdays.put(n, birth);
            enrolledAt.put(n, enrolled);
            List<Instant> mine = new ArrayList<>();
            Instant at = enrolled;
            while (true) {
                int days = random.nextInt(3) == 0 ? 41 + random.nextInt(40) : 1 + random.nextInt(8);
                at = at.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(random.nextInt(721) - 360));
                if (at.isAfter(until)) {
                    break;
                }
                mine.add(at);
            }
            visits.put(n, mine);
            return n;
        }

        /** The job invoked at {@code at} until the brand's run of that local day is done. */
        void runToDone(Instant at) {
            w.clock.set(at);
            int invocations = 0;
            while (!dates.run(BRAND, w.clock.instant(), 1).run().filter(r -> r.done() && r.day().equals(today()))
                    .isPresent()) {
                assertTrue(++invocations < 10_000, "the run ends");
            }
        }

        LocalDate randomBirth() {
            return random.nextInt(8) == 0 ? LocalDate.of(1960 + 4 * random.nextInt(10), 2, 29)
                    : LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }

        LocalDate today() {
            return LocalDate.ofInstant(w.clock.instant(), zone);
        }

        /** The scheduler's invocation of rule-sends and rule-dates; a crash ends it (the next one goes on). */
        void invoke() {
            try {
                firing.sweep(w.clock.instant(), 1000);
            } catch (Crash c) {
                // the next sweep goes on
            }
            try {
                dates.run(BRAND, w.clock.instant(), 1 + random.nextInt(4));
            } catch (Crash c) {
                // the next invocation goes on from the stored run
            }
            if (firstRunDay == null) { // the day of the brand's first run, once one was stored
                firstRunDay = runStore.find(BRAND).map(DateRun::day).orElse(null);
            }
        }

        void simulate(int days) {
            Instant end = START.plus(Duration.ofDays(days));
            int initial = days > 100 ? 30 : 12;
            for (int i = 0; i < initial; i++) {
                Instant enrolled = START.minus(Duration.ofMinutes(1 + random.nextInt(3 * 365 * 24 * 60)));
                card(enrolled, randomBirth(), end);
            }
            w.clock.set(START);
            faultsOn = true;
            Instant lastOutage = START;
            while (w.clock.instant().isBefore(end)) {
                w.clock.advance(Duration.ofMinutes(5 + random.nextInt(300)));
                if (random.nextInt(25) == 0 && w.clock.instant().isAfter(lastOutage.plus(Duration.ofDays(10)))) {
                    w.clock.advance(Duration.ofDays(1 + random.nextInt(3))); // the scheduler did not run for days
                    lastOutage = w.clock.instant();
                }
                if (random.nextInt(12) == 0) { // a card handed out now, maybe born today or tomorrow (local)
                    LocalDate birth = random.nextBoolean() ? randomBirth()
                            : today().plusDays(random.nextInt(2)).withYear(1990 + random.nextInt(10));
                    card(w.clock.instant(), birth, end);
                }
                invoke();
            }
            faultsOn = false;
            faultWrites = writes;
            runToDone(w.clock.instant());
            lastRunDay = today();
            w.clock.advance(ANNIVERSARY_DELAY.plusDays(1));
            firing.sweep(w.clock.instant(), 1000);
        }

        /** The model: every (rule, occasion) to send, with when it is due. */
        Map<String, Instant> expected() {
            LocalDate first = firstRunDay; // a brand's first run fires its own day only
            Map<String, Instant> due = new HashMap<>();
            for (CardNumber card : cards) {
                LocalDate enrolled = LocalDate.ofInstant(enrolledAt.get(card), zone);
                for (int year = first.getYear(); year <= lastRunDay.getYear(); year++) {
                    LocalDate birthday = onYear(birthdays.get(card), year);
                    if (inside(birthday, first) && birthday.isAfter(enrolled) && year > birthdays.get(card).getYear()) {
                        due.put("rule-birthday-birthday-" + card.value() + "-" + year, startOf(birthday));
                    }
                    LocalDate anniversary = onYear(enrolled, year);
                    if (inside(anniversary, first) && year > enrolled.getYear()) {
                        due.put("rule-anniversary-anniversary-" + card.value() + "-" + year,
                                startOf(anniversary).plus(ANNIVERSARY_DELAY));
                    }
                }
                List<LocalDate> activity = new ArrayList<>(List.of(enrolled));
                visits.get(card).forEach(v -> activity.add(LocalDate.ofInstant(v, zone)));
                for (int i = 0; i < activity.size(); i++) {
                    LocalDate lapse = activity.get(i).plusDays(LAPSE_DAYS);
                    boolean visitedBefore = i + 1 < activity.size() && !activity.get(i + 1).isAfter(lapse);
                    if (!visitedBefore && inside(lapse, first) && lapse.isAfter(enrolled)) {
                        due.put("rule-lapsed-lapsed-" + card.value() + "-" + activity.get(i), startOf(lapse));
                    }
                }
            }
            return due;
        }

        /** A date's month and day in {@code year}; 29 February is 28 February in other years. */
        static LocalDate onYear(LocalDate date, int year) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !leap) {
                return LocalDate.of(year, 2, 28);
            }
            return LocalDate.of(year, date.getMonthValue(), date.getDayOfMonth());
        }

        boolean inside(LocalDate day, LocalDate first) {
            return !day.isBefore(first) && !day.isAfter(lastRunDay);
        }

        Instant startOf(LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }

        /** How many sends of each date rule the model expects. */
        Map<String, Integer> kinds() {
            Map<String, Integer> kinds = new HashMap<>();
            expected().keySet().forEach(id -> kinds.merge(id.split("-")[1], 1, Integer::sum));
            return kinds;
        }

        void check() {
            Map<String, Instant> expected = expected();
            TreeSet<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(sent.keySet());
            TreeSet<String> extra = new TreeSet<>(sent.keySet());
            extra.removeAll(expected.keySet());
            String where = zone + " " + firstRunDay + ".." + lastRunDay;
            assertEquals(List.of(), List.copyOf(missing), "the model's sends that were not sent, " + where);
            assertEquals(List.of(), List.copyOf(extra), "sends the model does not know, " + where);
            expected.forEach((id, due) -> assertFalse(sent.get(id).isBefore(due), id + " sent before it was due"));
            assertEquals(List.of(), dueStore.all(), "nothing left waiting");
        }
    }
}
