package io.tally.domain.communication.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.program.CardSetId;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.communication.TemplateSms;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.CardView;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.sms.SmsOutboxPort;
import io.tally.domain.communication.TestList;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemorySegmentSnapshots;
import io.tally.domain.fakes.InMemorySegments;
import io.tally.domain.fakes.InMemorySends;
import io.tally.domain.fakes.InMemoryTemplates;
import io.tally.domain.fakes.InMemoryTestLists;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.segment.FilterGroup;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentRule;
import io.tally.domain.segment.Visibility;
import io.tally.domain.segment.evaluation.Snapshot;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.segment.evaluation.SnapshotStatus;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Duration;
import java.time.Instant;
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
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fan-out against a model written apart from it: the recipients of a send are the cards handed out when it started
 * that have a primary e-mail (and, with a segment, are members of its READY snapshot), each exactly once (distinct
 * message ids, the e-mail sender's claim A23 turning at-least-once queueing into exactly-once sending). Faults: page
 * messages duplicated, redelivered after a crash, delivered in any order; the store and the outbox killed after a write;
 * the jobs function run at random moments with the clock moving; cards handed out during the run; a cancel racing the
 * start of a second send (it wins, and nothing of that send is queued ever, or it loses and the send goes out whole);
 * a test sent mid-run (its messages never counted in the send's progress).
 */
class SendFanoutModelTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void every_eligible_recipient_exactly_once_a_cancelled_send_nothing_tests_never_counted(long seed) {
        run(seed, SendChannel.EMAIL);
    }

    /**
     * The same on the SMS channel: the recipients are the cards whose primary customer's phone is written with its
     * country ({@code +…}) and whose text fits 4 segments (a very long first name does not), each texted exactly once
     * (distinct {@code sms-send-<send>-<card>} ids, the SMS sender's claim), the others counted as skipped.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void sms_every_eligible_phone_exactly_once_a_cancelled_send_nothing_tests_never_counted(long seed) {
        run(seed, SendChannel.SMS);
    }

    private static void run(long seed, SendChannel channel) {
        Random random = new Random(seed);
        World w = new World(random, channel);
        int n = random.nextInt(420);
        for (int i = 0; i < n; i++) {
            w.handOut(random);
        }
        w.testList();
        Set<CardNumber> inSegment = w.cards.stream().filter(c -> random.nextBoolean()).map(Card::number)
                .collect(Collectors.toSet());
        w.snapshots.ready(inSegment);
        boolean withSegment = random.nextBoolean();
        Send first = w.queued("a1", withSegment, START.plusSeconds(60));
        Send second = w.queued("b2", false, START.plusSeconds(60));
        // the model, from the world as it is when the sends start
        Set<CardNumber> expectedFirst = w.cards.stream()
                .filter(c -> eligible(c, channel))
                .filter(c -> !withSegment || inSegment.contains(c.number()))
                .map(Card::number).collect(Collectors.toSet());
        Set<CardNumber> expectedSecond = w.cards.stream()
                .filter(c -> eligible(c, channel))
                .map(Card::number).collect(Collectors.toSet());
        Set<CardNumber> atStart = w.cards.stream().map(Card::number).collect(Collectors.toSet());

        w.clock.set(START.plusSeconds(61));
        boolean cancelFirst = random.nextBoolean();
        boolean cancelled = false;
        if (cancelFirst) {
            cancelled = w.use.cancel(w.admin, "b2", second.version()) instanceof SendsUseCase.Changed.Done;
        }
        w.runJobs();
        if (!cancelFirst) {
            // the cancel (over the version it read before) after the job: refused if the job started the send (it goes
            // on), done if the job died before starting it (then nothing of it is ever sent)
            SendsUseCase.Changed late = w.use.cancel(w.admin, "b2", second.version());
            cancelled = late instanceof SendsUseCase.Changed.Done;
            assertEquals(cancelled, w.sends.find(BRAND, "b2").orElseThrow().status() == SendStatus.CANCELLED);
        }
        boolean tested = false;
        int steps = 0;
        while (steps++ < 100_000) {
            if (w.queue.isEmpty()) {
                if (w.done("a1") && (cancelled || w.done("b2"))) {
                    break;
                }
                w.clock.advance(SendFanoutUseCase.RESUME_AFTER.plusSeconds(1));
                w.runJobs();
                continue;
            }
            int pick = random.nextInt(w.queue.size());
            SendPage page = w.queue.get(pick);
            if (random.nextInt(10) == 0) {
                w.runJobs();
            }
            if (!tested && random.nextInt(20) == 0) {
                tested = true;
                w.use.test(w.admin, "a1", "qa", "https://acme.example/portal/ACME");
            }
            if (random.nextInt(15) == 0) {
                w.handOut(random); // a card handed out during the run: at most once, whether or not it is reached
            }
            w.clock.advance(Duration.ofMillis(random.nextInt(20_000)));
            try {
                w.faults.arm(random.nextInt(6) == 0);
                w.fanout.page(page);
                if (random.nextInt(5) != 0) {
                    w.queue.remove(pick); // else: delivered again (a duplicate, or an acknowledgement lost)
                }
            } catch (Crash crash) {
                // the message stays: SQS redelivers it after its visibility timeout
            } finally {
                w.faults.arm(false);
            }
        }
        assertTrue(w.done("a1"), "the send finished");
        Map<String, Set<CardNumber>> byMailing = w.recipients();
        Set<CardNumber> gotFirst = byMailing.getOrDefault("send-a1", Set.of());
        Set<CardNumber> lateCards = w.cards.stream().map(Card::number).filter(c -> !atStart.contains(c))
                .collect(Collectors.toSet());
        Set<CardNumber> gotFirstFromStart = new HashSet<>(gotFirst);
        gotFirstFromStart.removeAll(lateCards);
        assertEquals(expectedFirst, gotFirstFromStart, "every eligible recipient, none other");
        Send a1 = w.sends.find(BRAND, "a1").orElseThrow();
        assertEquals(SendStatus.SENT, a1.status());
        assertEquals(gotFirst.size(), a1.progress().queued(), "counted once each, tests never");
        long counted = a1.progress().queued() + a1.progress().skipped();
        assertTrue(atStart.size() <= counted && counted <= w.cards.size(), "every listed card queued or skipped, once");
        if (cancelled) {
            assertEquals(Set.of(), byMailing.getOrDefault("send-b2", Set.of()), "a cancelled send sends nothing");
            assertEquals(SendStatus.CANCELLED, w.sends.find(BRAND, "b2").orElseThrow().status());
        } else {
            Set<CardNumber> gotSecond = new HashSet<>(byMailing.getOrDefault("send-b2", Set.of()));
            gotSecond.removeAll(lateCards);
            assertEquals(expectedSecond, gotSecond);
        }
        // each message id always names the same recipient: duplicates are the same message, claimed once
        Map<String, String> toById = new HashMap<>();
        for (EmailMessage m : w.outbox) {
            assertEquals(toById.computeIfAbsent(m.id(), k -> m.to()), m.to());
        }
        for (SmsMessage m : w.texts) {
            assertEquals(toById.computeIfAbsent(m.id(), k -> m.to()), m.to());
        }
        if (channel == SendChannel.SMS) {
            assertEquals(List.of(), w.outbox, "an SMS send mails nothing");
        } else {
            assertEquals(List.of(), w.texts, "an e-mail send texts nothing");
        }
        // tests: only the test mailing, only the test cards
        Set<CardNumber> testCards = byMailing.getOrDefault("test-a1", Set.of());
        assertTrue(w.testList.cards().containsAll(testCards));
    }

    /** The model's eligibility, written apart from the fan-out: an e-mail, or a phone with its country and a short name. */
    private static boolean eligible(Card card, SendChannel channel) {
        Optional<Customer> c = card.primaryCustomer();
        if (channel == SendChannel.EMAIL) {
            return c.map(Customer::email).isPresent();
        }
        return c.map(Customer::phone).filter(p -> p.startsWith("+")).isPresent()
                && c.map(Customer::firstName).orElse("").length() < 100;
    }

    /** The world of one run: the brand's cards, the stores, a queue of page messages, the outbox. */
    private static final class World {
        final MutableClock clock = new MutableClock(START);
        final List<Card> cards = new ArrayList<>();
        final InMemoryCardPort cardPort = new InMemoryCardPort();
        final Faults faults;
        final FaultySends sends;
        final ReadySnapshots snapshots = new ReadySnapshots();
        final List<SendPage> queue = new ArrayList<>();
        final List<EmailMessage> outbox = new ArrayList<>();
        final List<SmsMessage> texts = new ArrayList<>();
        final SendChannel channel;
        final InMemoryTemplates templates = new InMemoryTemplates();
        final InMemoryTestLists testLists = new InMemoryTestLists();
        final InMemoryMemberStores portals = new InMemoryMemberStores();
        final SendFanoutUseCase fanout;
        final SendsUseCase use;
        final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
        TestList testList;

        World(Random random, SendChannel channel) {
            this.channel = channel;
            faults = new Faults(random);
            sends = new FaultySends(faults);
            portals.save(PortalTestData.config(BRAND, new CardSetId("set-1"), ValueTypeKey.points()));
            templates.create(new EmailTemplate(BRAND, "tpl1", "News", "Hi {{customer.firstName}}", "<p>Hi</p>",
                    "Hi {{customer.firstName}}",
                    START, "s-1", 1));
            BrandCardsPort pages = (brand, cursor, limit) -> {
                int from = cursor.map(Integer::parseInt).orElse(0);
                int to = Math.min(cards.size(), from + limit);
                return new BrandCardsPort.CardsPage(new ArrayList<>(cards.subList(from, to)),
                        to < cards.size() ? Optional.of(String.valueOf(to)) : Optional.empty());
            };
            EmailOutboxPort box = m -> {
                outbox.add(m);
                faults.maybeCrash("after queueing a message");
            };
            SendPagesQueuePort pageQueue = (page, delay) -> {
                assertTrue(!delay.isNegative() && delay.compareTo(SendPagesQueuePort.MAX_DELAY) <= 0);
                queue.add(page);
                faults.maybeCrash("after queueing a page");
            };
            SendMails mails = new SendMails(new LinkTokens(new SignedTokens(new byte[32])));
            SmsOutboxPort smsBox = m -> {
                texts.add(m);
                faults.maybeCrash("after queueing a text");
            };
            SendTexts built = (brand, template, config) -> templates.find(brand, template).map(t ->
                    (mailing, list, card) -> TemplateSms.build(mailing, list, config, new CardView(card, CardState.EMPTY, START),
                            t, Map.of("customer.firstName", card.primaryCustomer().map(Customer::firstName).orElse(""))));
            Optional<SmsChannel> sms = Optional.of(new SmsChannel(smsBox, built));
            fanout = new SendFanoutUseCase(sends, pages, cardPort, snapshots, portals, pageQueue, box, mails, sms, clock);
            use = new SendsUseCase(sends, templates, portals, new InMemorySegments(), testLists, cardPort, box, mails, sms,
                    fanout::start, new SetupAudit(new InMemoryAuditLog(), new SeededRandom(7), clock), new SeededRandom(7), clock);
        }

        void handOut(Random random) {
            String payload = String.format("4000%010d", cards.size());
            CardNumber number = new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
            String email = random.nextInt(5) == 0 ? null : "m" + cards.size() + "@x.example";
            int kind = random.nextInt(6);
            String phone = kind == 0 ? null : kind == 1 ? "020 7946 " + String.format("%04d", cards.size())
                    : "+44 20 7946 " + String.format("%04d", cards.size());
            String name = random.nextInt(8) == 0 ? "A".repeat(700) : "Ann";
            Card card = Card.unallocated(BRAND, number, new ProgramId("loyalty"), new CardSetId("set-1"))
                    .activated("hash", START, Optional.of(new Customer(name, null, email, phone, null, null, null, null,
                            null, null, null, null)));
            if (random.nextBoolean()) {
                card = card.withOwningLocation(Optional.of(new LocationId("store-1")));
            }
            cards.add(card);
            cardPort.create(card);
        }

        /** The test users: the first three cards. */
        void testList() {
            testList = new TestList(BRAND, "qa", "QA", cards.stream().limit(3).map(Card::number).toList(), START, 1);
            testLists.create(testList);
        }

        Send queued(String id, boolean segment, Instant at) {
            Send draft = new Send(BRAND, id, "News " + id, "tpl1", 0, "news", segment ? Optional.of("seg1")
                    : Optional.empty(), channel, Optional.empty(), Optional.empty(), SendStatus.DRAFT,
                    Optional.empty(), 14, SendProgress.NONE, Optional.empty(), START, "s-1", 1);
            sends.create(draft);
            Send q = draft.queued(1, at, "https://acme.example/portal/ACME", START, "s-1");
            sends.update(q);
            return q;
        }

        void runJobs() {
            try {
                faults.arm(true);
                fanout.runDue(BRAND);
            } catch (Crash crash) {
                // the job died: its next run goes on
            } finally {
                faults.arm(false);
            }
        }

        boolean done(String id) {
            return sends.find(BRAND, id).map(s -> s.status() == SendStatus.SENT).orElse(false);
        }

        Map<String, Set<CardNumber>> recipients() {
            Map<String, Set<CardNumber>> by = new HashMap<>();
            for (EmailMessage m : outbox) {
                TemplateMail mail = TemplateMail.of(m).orElseThrow();
                by.computeIfAbsent(mail.mailing(), k -> new HashSet<>()).add(mail.card());
            }
            for (SmsMessage m : texts) {
                // sms-send-<send>-<card> or sms-test-<send>-<card>-<version>; the number says whose phone it is
                String[] parts = m.id().split("-");
                CardNumber card = new CardNumber(parts[3]);
                assertEquals(cards.stream().filter(c -> c.number().equals(card)).findFirst().orElseThrow()
                        .primaryCustomer().orElseThrow().phone().replaceAll("[^+0-9]", ""), m.to(), "the card's own phone");
                by.computeIfAbsent(parts[1] + "-" + parts[2], k -> new HashSet<>()).add(card);
            }
            return by;
        }
    }

    /** Kills the process after a write, now and then, while armed. */
    private static final class Faults {
        private final Random random;
        private boolean armed;

        Faults(Random random) {
            this.random = random;
        }

        void arm(boolean on) {
            armed = on;
        }

        void maybeCrash(String where) {
            if (armed && random.nextInt(8) == 0) {
                throw new Crash(where);
            }
        }
    }

    /** The store, killed now and then just after one of its writes took effect. */
    private static final class FaultySends extends InMemorySends {
        private final Faults faults;

        FaultySends(Faults faults) {
            this.faults = faults;
        }

        @Override
        public boolean update(Send changed) {
            boolean done = super.update(changed);
            faults.maybeCrash("after updating a send");
            return done;
        }

        @Override
        public PageListing list(BrandId brand, String send, int page, PageListing listing) {
            PageListing stored = super.list(brand, send, page, listing);
            faults.maybeCrash("after listing a page");
            return stored;
        }

        @Override
        public Recorded recordPage(BrandId brand, String send, int page, long queued, long skipped, boolean last,
                                   Instant now) {
            Recorded r = super.recordPage(brand, send, page, queued, skipped, last, now);
            faults.maybeCrash("after recording a page");
            return r;
        }

        @Override
        public boolean finish(BrandId brand, String send, SendStatus to, Optional<String> error, Instant now) {
            boolean done = super.finish(brand, send, to, error, now);
            faults.maybeCrash("after finishing a send");
            return done;
        }
    }

    /** The segment's one READY snapshot and its members. */
    private static final class ReadySnapshots extends InMemorySegmentSnapshots {
        private Set<CardNumber> members = Set.of();
        private Snapshot ready;

        void ready(Set<CardNumber> cards) {
            members = Set.copyOf(cards);
            SnapshotKey key = new SnapshotKey(BRAND, new SegmentId("seg1"), LocalDate.of(2026, 12, 2), 1);
            ready = Snapshot.started(key, "Regulars", new SegmentRule(BRAND, Visibility.SHARED, Set.of(), FilterGroup.all()),
                    START, ZoneOffset.UTC, Optional.empty()).progressed(SnapshotStatus.READY, Set.of(0), Optional.of(1),
                    cards.size(), cards.size(), Optional.of(START));
        }

        @Override
        public synchronized Optional<Snapshot> latestReady(BrandId brand, SegmentId segment) {
            return Optional.ofNullable(ready);
        }

        @Override
        public synchronized boolean holds(SnapshotKey key, CardNumber card) {
            return members.contains(card);
        }
    }
}
