package io.tally.domain.communication.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.InMemoryDateRuns;
import io.tally.domain.fakes.InMemoryDueMails;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryRules;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
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
 * Rule firing against a model written apart from it. Over a year and more of simulated time, random events (enrollments,
 * checkouts, recorded events, balance changes) are delivered, many twice and some long after (SQS redelivery); the daily
 * job runs at random moments, sometimes twice a day and sometimes days late (within its catch-up days); the sweep runs
 * at random moments; every write of the firing (a due send stored or deleted, a message queued) may crash right after it
 * is made, and the crashed step is simply run again, as SQS and the scheduler would (the date job walks the brand two
 * cards a page, 1-3 pages an invocation, each run's write may crash too). The model says from the events and
 * the days alone which (rule, trigger) pairs must be sent and when they are due; the sender is modelled by its claim of
 * the message id (A23). Checked: each expected pair is sent exactly once, never before it is due; nothing else is sent;
 * paused rules send nothing.
 */
class RuleFiringModelTest {
    private static final BrandId BRAND = TestWorld.BRAND;
    private static final ValueTypeKey POINTS = TestWorld.POINTS;

    /** Thrown by an injected crash: the write was made, the caller never learns it. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("injected crash after a write");
        }
    }

    @Test
    void every_rule_and_trigger_is_sent_exactly_once_after_its_delay_whatever_the_faults() {
        for (long seed = 1; seed <= 12; seed++) {
            new Run(seed).check();
        }
    }

    /** One simulated history. */
    private static final class Run {
        final Random random;
        final TestWorld w = new TestWorld();
        final InMemoryRules rules = new InMemoryRules();
        final InMemoryTemplates templates = new InMemoryTemplates();
        final InMemoryMemberStores portals = new InMemoryMemberStores();
        final InMemoryDueMails dueStore = new InMemoryDueMails();
        /** The sender, as its claim (A23) makes it: the first queueing of a message id sends, later ones are dropped. */
        final Map<String, Instant> sent = new LinkedHashMap<>();
        final Map<CardNumber, Instant> lastVisit = new HashMap<>();
        double crashRate;
        final RuleFiring firing;
        final RuleEventsListener listener;
        final DateRulesUseCase dates;
        final List<Rule> ruleList = new ArrayList<>();
        final List<CardNumber> cards = new ArrayList<>();
        final Map<CardNumber, LocalDate> birthdays = new HashMap<>();
        final Map<CardNumber, LocalDate> enrolledOn = new HashMap<>();
        /** Model: the events as they happened (each delivered at least once in the end). */
        final List<DomainEvent> happened = new ArrayList<>();
        final List<DomainEvent> undelivered = new ArrayList<>();
        final Map<CardNumber, Long> points = new HashMap<>();
        /** Model: the days the daily job ran to its end, with each card's last visit day as the job saw it. */
        final List<Map.Entry<LocalDate, Map<CardNumber, Optional<LocalDate>>>> jobRuns = new ArrayList<>();
        Instant lastSweep;

        Run(long seed) {
            random = new Random(seed);
            portals.save(PortalTestData.config(BRAND, TestWorld.SET, POINTS));
            templates.create(new EmailTemplate(BRAND, "tpl", "Hi", "Hello", "<p>Hi</p>", "Hi", w.clock.instant(), "s", 1));
            EmailOutboxPort outbox = m -> {
                TemplateMail mail = TemplateMail.of(m).orElseThrow();
                assertEquals(mail.list().equals("news"), m.unsubscribable(), "a subscription list's message has its link");
                sent.putIfAbsent(m.id(), w.clock.instant());
                crashMaybe();
            };
            DueMailsPort due = FaultyRuleStores.dueMails(dueStore, this::crashMaybe);
            firing = new RuleFiring(rules, templates, w.cards, portals, due, outbox,
                    new UnsubscribeLinks(new SignedTokens(new byte[32])), b -> Optional.of("https://portal.example/portal/" + b.value()),
                    w.clock);
            listener = new RuleEventsListener(firing);
            DateRunsPort runs = FaultyRuleStores.dateRuns(new InMemoryDateRuns(), () -> { }, this::crashMaybe);
            dates = new DateRulesUseCase(firing, w.programs, w.cards,
                    FaultyRuleStores.lastVisits(c -> Optional.ofNullable(lastVisit.get(c))), runs, b -> ZoneOffset.UTC, 2);
        }

        void crashMaybe() {
            if (random.nextDouble() < crashRate) {
                throw new Crash();
            }
        }

        Duration randomDelay() {
            return switch (random.nextInt(4)) {
                case 0 -> Duration.ZERO;
                case 1 -> Duration.ofMinutes(1 + random.nextInt(60));
                case 2 -> Duration.ofHours(1 + random.nextInt(48));
                default -> Duration.ofDays(1 + random.nextInt(90));
            };
        }

        void setUp() {
            List<Trigger> triggers = List.of(new Trigger.Enrollment(), new Trigger.Birthday(), new Trigger.Anniversary(),
                    new Trigger.Checkout(Optional.empty()), new Trigger.Checkout(Optional.of(500_000L)),
                    new Trigger.Event("review"), new Trigger.Balance(POINTS, 100), new Trigger.Lapsed(20),
                    new Trigger.Enrollment(), new Trigger.Birthday());
            for (int i = 0; i < triggers.size(); i++) {
                boolean active = i < 8 || random.nextBoolean();
                Rule r = new Rule(BRAND, "r" + i, "Rule " + i, triggers.get(i), "tpl", i % 2 == 0 ? "account" : "news",
                        randomDelay(), active, w.clock.instant(), "s", 1);
                rules.create(r);
                ruleList.add(r);
            }
            for (int i = 0; i < 6; i++) {
                CardNumber n = w.activeCard();
                LocalDate birth = i == 0 ? LocalDate.of(1992, 2, 29)
                        : LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
                Card card = w.cards.load(BRAND, n).orElseThrow();
                w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("Ann", "Lee",
                                "m" + i + "@example.com", "", "", "", "", "", "", "", birth, "")), Optional.empty(), Map.of(),
                        Map.of(), Map.of(), Optional.of(w.clock.instant())));
                cards.add(n);
                birthdays.put(n, birth);
                enrolledOn.put(n, today());
                happen(new DomainEvent("enroll-" + n.value(), "member.enrolled", BRAND, w.clock.instant(),
                        Map.of("cardNumber", n.value())));
            }
        }

        LocalDate today() {
            return LocalDate.ofInstant(w.clock.instant(), ZoneOffset.UTC);
        }

        void happen(DomainEvent e) {
            happened.add(e);
            undelivered.add(e);
            deliver(e);
        }

        /** One delivery; a crash leaves it for redelivery. */
        void deliver(DomainEvent e) {
            try {
                listener.accept(e);
                undelivered.remove(e);
            } catch (Crash c) {
                // SQS delivers it again later
            }
        }

        void randomEvent() {
            CardNumber card = cards.get(random.nextInt(cards.size()));
            Instant now = w.clock.instant();
            String id = "e" + happened.size();
            switch (random.nextInt(3)) {
                case 0 -> {
                    long total = random.nextInt(100_000);
                    happen(new DomainEvent(id, "ledger.checkout", BRAND, now, Map.of("cardNumber", card.value(),
                            "checkout.stage", "COMMIT", "checkout.total", total / 100 + "." + String.format("%02d", total % 100),
                            "requestRef", "ref-" + id, "location", "store-1")));
                    lastVisit.put(card, now);
                }
                case 1 -> happen(new DomainEvent(id, "engagement.recorded", BRAND, now, Map.of("cardNumber", card.value(),
                        "category", random.nextBoolean() ? "review" : "visit")));
                default -> {
                    long before = points.getOrDefault(card, 0L);
                    long change = random.nextInt(120) - 40;
                    long after = Math.max(0, before + change);
                    points.put(card, after);
                    happen(new DomainEvent(id, "ledger.issue", BRAND, now, Map.of("cardNumber", card.value(),
                            "balance.Points", Long.toString(after - before), "after.Points", Long.toString(after))));
                    lastVisit.put(card, now);
                }
            }
        }

        void runJob() {
            while (true) {
                try {
                    while (!dates.run(BRAND, w.clock.instant(), 1 + random.nextInt(3)).run()
                            .filter(r -> r.done() && r.day().equals(today())).isPresent()) {
                        // the next invocations go on from the cursor
                    }
                    Map<CardNumber, Optional<LocalDate>> seen = new HashMap<>();
                    cards.forEach(c -> seen.put(c, Optional.ofNullable(lastVisit.get(c))
                            .map(v -> LocalDate.ofInstant(v, ZoneOffset.UTC)).or(() -> Optional.of(enrolledOn.get(c)))));
                    jobRuns.add(Map.entry(today(), seen));
                    return;
                } catch (Crash c) {
                    // the scheduler runs it again
                }
            }
        }

        void sweep() {
            lastSweep = w.clock.instant();
            try {
                firing.sweep(w.clock.instant(), 1000);
            } catch (Crash c) {
                // the next sweep goes on
            }
        }

        void simulate() {
            crashRate = 0;
            setUp();
            crashRate = 0.15;
            lastSweep = w.clock.instant();
            LocalDate lastJob = today().minusDays(1);
            Instant end = w.clock.instant().plus(Duration.ofDays(400));
            while (w.clock.instant().isBefore(end)) {
                w.clock.advance(Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 60 : 2000)));
                if (lastSweep.isBefore(w.clock.instant().minus(Duration.ofHours(30)))) {
                    sweep(); // the scheduler sweeps every few minutes; here at least every 30 hours or so
                }
                int what = random.nextInt(10);
                if (what < 4) {
                    randomEvent();
                } else if (what < 6 && !happened.isEmpty()) {
                    deliver(happened.get(random.nextInt(happened.size()))); // a duplicate, maybe long after
                } else if (what < 8) {
                    sweep();
                } else if (!undelivered.isEmpty()) {
                    deliver(undelivered.get(0));
                }
                boolean late = today().isAfter(lastJob.plusDays(5));
                if (late || (today().isAfter(lastJob) && random.nextInt(4) == 0)) {
                    runJob();
                    if (random.nextInt(5) == 0) {
                        runJob(); // twice the same day
                    }
                    lastJob = today();
                }
            }
            crashRate = 0;
            while (!undelivered.isEmpty()) {
                deliver(undelivered.get(0));
            }
            for (int day = 0; day <= Rule.MAX_DELAY.toDays() + 1; day++) { // the last delays run out; no job fires more
                w.clock.advance(Duration.ofDays(1));
                sweep();
            }
        }

        /** The model: every (rule, trigger) that must be sent, with when it is due. */
        Map<String, Instant> expected() {
            Map<String, Instant> due = new HashMap<>();
            Map<CardNumber, Long> balance = new HashMap<>();
            for (DomainEvent e : happened) {
                CardNumber card = new CardNumber(e.data().get("cardNumber"));
                long before = balance.getOrDefault(card, 0L);
                long after = e.data().containsKey("after.Points") ? Long.parseLong(e.data().get("after.Points")) : before;
                balance.put(card, after);
                for (Rule r : ruleList) {
                    boolean fires;
                    if (r.trigger() instanceof Trigger.Enrollment) {
                        fires = e.type().equals("member.enrolled");
                    } else if (r.trigger() instanceof Trigger.Checkout c) {
                        fires = e.type().equals("ledger.checkout")
                                && new BigDecimal(e.data().get("checkout.total")).movePointRight(4).longValue()
                                >= c.minimum().orElse(0L);
                    } else if (r.trigger() instanceof Trigger.Event ev) {
                        fires = ev.category().equals(e.data().get("category"));
                    } else if (r.trigger() instanceof Trigger.Balance b) {
                        fires = before < b.threshold() && after >= b.threshold();
                    } else {
                        fires = false;
                    }
                    if (fires && r.active()) {
                        due.put(r.messageId(e.id()), e.occurredAt().plus(r.delay()));
                    }
                }
            }
            for (Rule r : ruleList) {
                if (!r.active()) {
                    continue;
                }
                for (CardNumber card : cards) {
                    if (r.trigger() instanceof Trigger.Birthday) {
                        yearly(due, r, "birthday", card, birthdays.get(card));
                    } else if (r.trigger() instanceof Trigger.Anniversary) {
                        yearly(due, r, "anniversary", card, enrolledOn.get(card));
                    } else if (r.trigger() instanceof Trigger.Lapsed l) {
                        for (int i = 0; i < jobRuns.size(); i++) {
                            int run = i;
                            jobRuns.get(i).getValue().get(card).ifPresent(last -> {
                                LocalDate lapse = last.plusDays(l.days());
                                if (coveringRun(lapse) == run && lapse.isAfter(enrolledOn.get(card))) {
                                    due.put(r.messageId("lapsed-" + card.value() + "-" + last),
                                            lapse.atStartOfDay(ZoneOffset.UTC).toInstant().plus(r.delay()));
                                }
                            });
                        }
                    }
                }
            }
            return due;
        }

        /**
         * A yearly occasion is due if a job's run covered its day (from the day after the previous run's, at most 7 days
         * back) and the card was enrolled before it (a 29 February is 28 February in other years).
         */
        void yearly(Map<String, Instant> due, Rule r, String kind, CardNumber card, LocalDate origin) {
            for (int year = origin.getYear() + 1; year <= 2100; year++) {
                boolean leap = Year.isLeap(year);
                LocalDate day = origin.getMonthValue() == 2 && origin.getDayOfMonth() == 29 && !leap
                        ? LocalDate.of(year, 2, 28) : LocalDate.of(year, origin.getMonthValue(), origin.getDayOfMonth());
                if (coveringRun(day) >= 0 && day.isAfter(enrolledOn.get(card))) {
                    due.put(r.messageId(kind + "-" + card.value() + "-" + year), day.atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plus(r.delay()));
                }
            }
        }

        /**
         * The job run that covered the day (its days: from the day after the previous run's, at most 7 days back, to its
         * own), or -1.
         */
        int coveringRun(LocalDate date) {
            LocalDate previous = null;
            for (int i = 0; i < jobRuns.size(); i++) {
                LocalDate day = jobRuns.get(i).getKey();
                LocalDate from = previous == null || previous.isBefore(day.minusDays(8)) ? day.minusDays(7)
                        : previous.plusDays(1);
                previous = day;
                if (!date.isBefore(from) && !date.isAfter(day)) {
                    return i;
                }
            }
            return -1;
        }

        void check() {
            simulate();
            Map<String, Instant> expected = expected();
            TreeSet<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(sent.keySet());
            TreeSet<String> extra = new TreeSet<>(sent.keySet());
            extra.removeAll(expected.keySet());
            assertEquals(List.of(), List.copyOf(missing), "the model's sends that were not sent");
            assertEquals(List.of(), List.copyOf(extra), "sends the model does not know");
            expected.forEach((id, due) -> assertFalse(sent.get(id).isBefore(due), id + " sent before it was due"));
            for (Rule r : ruleList) {
                if (!r.active()) {
                    assertTrue(sent.keySet().stream().noneMatch(id -> id.startsWith(r.mailing() + "-")), r.id());
                }
            }
            assertEquals(List.of(), dueStore.all(), "nothing left waiting at " + w.clock.instant());
            assertTrue(expected.size() > 50, "the history fired enough to mean something: " + expected.size());
        }
    }
}
