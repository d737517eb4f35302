package io.tally.domain.enrollment;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.POINTS;
import static io.tally.domain.fakes.TestWorld.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.card.Pins;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 9, finding 6, at every step: a referred friend's enrollment dies right after each of its writes in turn (the
 * writes are counted from a clean run, so none is left out), and whoever comes next completes it: one card, one member
 * holding the e-mail and the phone, one ENROLL entry, one welcome e-mail id, the referral reward once per side, and
 * the PIN shown is the card's. Whoever comes next: the same form resubmitted from the same browser; the periodic job
 * (nobody resubmits); or someone else typing the same e-mail, who is told "already a member" and never sees the PIN.
 */
class EnrollmentCrashAtEachStepTest {
    private static final Map<String, String> BOB = Map.of("firstName", "Bob", "email", "bob@example.com", "phone", "+1 555 0200");

    /** Where the friend's card comes from: minted (the enrollment card set's pool is empty) or the pool. */
    enum Stock { MINTED, POOLED }

    /** Ada is a member; Bob follows her referral link; only Bob's writes are counted. */
    private static final class Run {
        final WriteFaults faults = new WriteFaults();
        final MemberWorld m = new MemberWorld(Optional.of(faults));
        final CardNumber ada;
        final String token;

        Run(Stock stock) {
            if (stock == Stock.POOLED) {
                m.world.poolCard(BRAND);
                m.world.poolCard(BRAND);
            }
            ada = m.world.activeCard(); // a member of long standing (her PIN hashed once for all tests: hashing is slow)
            assertTrue(m.world.account.update(new UpdateAccountUseCase.UpdateAccountCommand(TestWorld.context(), m.world.info(),
                    ada, Optional.of(new Customer("Ada", null, "ada@example.com", "+1 555 0100", null, null, null, null, null,
                    null, null, null)), Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), true,
                    Optional.empty())).isAccepted());
            token = m.links.referral(BRAND, ada, "bob@example.com", m.world.clock.instant());
            faults.reset();
        }

        Result bob() {
            return m.join(BOB, Optional.of(token), "browser-Bob");
        }
    }

    /** Who comes after the crash. */
    enum Retry { SAME_FORM, PERIODIC_JOB, SOMEONE_ELSE }

    /** The writes of the flow, in order: what {@link EnrollmentSteps} promises. */
    private static List<String> expectedWrites(Stock stock) {
        List<String> relayed = List.of("CardLedgerPort.append", "PublishEventPort.publish", "CardLedgerPort.markRelayed");
        List<String> writes = new ArrayList<>(List.of(
                "MemberDirectoryPort.start", // the e-mail claimed: the enrollment's record
                "MemberDirectoryPort.choose", // the card and its sealed PIN recorded
                "MemberDirectoryPort.claim", // the phone claimed for that card
                stock == Stock.MINTED ? "CardPort.create" : "CardPort.allocate", // the card, active, with its customer
                "CardLedgerPort.claimLedgerId"));
        writes.addAll(relayed); // ENROLL
        writes.addAll(List.of("CardPort.update", "EmailOutboxPort.enqueue", "ReferralClaimPort.claim"));
        writes.addAll(relayed); // the sender's reward
        writes.addAll(relayed); // the friend's reward
        writes.addAll(List.of("PublishEventPort.publish", // referral.rewarded
                "PublishEventPort.publish", // member.enrolled
                "MemberDirectoryPort.complete"));
        return writes;
    }

    @TestFactory
    Stream<DynamicTest> whoever_comes_next_completes_an_enrollment_that_died_after_any_of_its_writes() {
        return Arrays.stream(Stock.values()).flatMap(stock -> {
            List<String> writes = cleanRun(stock);
            return Arrays.stream(Retry.values()).flatMap(retry -> IntStream.rangeClosed(1, writes.size())
                    .mapToObj(k -> DynamicTest.dynamicTest(stock + ", died after write " + k + " of " + writes.size()
                            + " (" + writes.get(k - 1) + "), then " + retry, () -> diesAfterWriteThen(stock, k, retry))));
        });
    }

    /** The writes of an enrollment that nothing interrupts; it too must end complete. */
    private static List<String> cleanRun(Stock stock) {
        Run run = new Run(stock);
        Result.Enrolled bob = assertInstanceOf(Result.Enrolled.class, run.bob());
        assertCompleted(run, bob, true);
        assertEquals(expectedWrites(stock), run.faults.log());
        return run.faults.log();
    }

    private static void diesAfterWriteThen(Stock stock, int write, Retry retry) {
        Run run = new Run(stock);
        run.faults.crashAfterWrite(write);
        assertThrows(Crash.class, run::bob);
        assertNoCardWithoutItsMember(run);

        Result.Enrolled bob = switch (retry) {
            case SAME_FORM -> assertInstanceOf(Result.Enrolled.class, run.bob(), "the resubmission completes it");
            case PERIODIC_JOB -> {
                run.m.world.clock.advance(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER.plusSeconds(1));
                run.m.completer.run(run.m.world.clock.instant(), 100);
                assertEquals(EnrollmentRecord.Status.COMPLETE, record(run).status(), "the job completes it");
                yield assertInstanceOf(Result.Enrolled.class, run.bob(), "then the same form shows the card and PIN");
            }
            case SOMEONE_ELSE -> {
                assertInstanceOf(Result.AlreadyMember.class, run.m.join(BOB, Optional.of(run.token), "browser-Eve"),
                        "someone else typing the e-mail sees no PIN");
                assertEquals(EnrollmentRecord.Status.COMPLETE, record(run).status(), "and completes it for its owner");
                yield assertInstanceOf(Result.Enrolled.class, run.bob(), "the owner's resubmission shows the card and PIN");
            }
        };
        assertCompleted(run, bob, true);

        Result.Enrolled again = assertInstanceOf(Result.Enrolled.class, run.bob(), "the same form once more");
        assertEquals(bob.card(), again.card());
        assertEquals(bob.pin(), again.pin());
        assertCompleted(run, bob, false);
    }

    /**
     * Right after the crash, before anyone comes: every card written is Bob's (his profile on it), the one his e-mail's
     * record names and his phone's claim points at; and whatever his contacts are bound to is the record's choice.
     */
    private static void assertNoCardWithoutItsMember(Run run) {
        MemberWorld m = run.m;
        Optional<EnrollmentRecord> record = m.stores.enrollment(BRAND, ContactKey.email("bob@example.com"));
        Optional<CardNumber> chosen = record.flatMap(EnrollmentRecord::card);
        for (CardNumber n : m.world.cards.numbersInCardSet(BRAND, SET)) {
            Card card = m.world.cards.load(BRAND, n).orElseThrow();
            if (n.equals(run.ada) || card.status() != CardStatus.ACTIVE) {
                continue;
            }
            assertEquals(Optional.of("bob@example.com"), card.primaryCustomer().flatMap(Customer::searchableEmail));
            assertEquals(chosen, Optional.of(n), "the card written is the one the record chose");
            assertEquals(chosen, m.stores.find(BRAND, ContactKey.phone("+1 555 0200")), "and the phone is claimed for it");
        }
        m.stores.find(BRAND, ContactKey.phone("+1 555 0200")).ifPresent(p -> assertEquals(chosen, Optional.of(p)));
    }

    private static EnrollmentRecord record(Run run) {
        return run.m.stores.enrollment(BRAND, ContactKey.email("bob@example.com")).orElseThrow();
    }

    /** {@code checkPin}: also that the PIN is the card's (PIN hashes are slow on purpose: once per test). */
    private static void assertCompleted(Run run, Result.Enrolled bob, boolean checkPin) {
        MemberWorld m = run.m;
        List<CardNumber> active = m.world.cards.numbersInCardSet(BRAND, SET).stream()
                .filter(n -> !n.equals(run.ada))
                .filter(n -> m.world.cards.load(BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).toList();
        assertEquals(List.of(bob.card()), active, "one card besides Ada's, and it is Bob's");
        Card card = m.world.cards.load(BRAND, bob.card()).orElseThrow();
        assertTrue(!checkPin || Pins.matches(card, bob.pin()), "the PIN shown is the card's");
        assertTrue(card.enrolled());
        assertEquals(Optional.of("bob@example.com"), card.primaryCustomer().flatMap(c -> c.searchableEmail()));
        assertEquals(Optional.of(bob.card()), m.stores.find(BRAND, ContactKey.email("bob@example.com")));
        assertEquals(Optional.of(bob.card()), m.stores.find(BRAND, ContactKey.phone("+1 555 0200")));
        assertEquals(1, m.world.ledger.all(BRAND, bob.card()).stream().filter(e -> e.type() == EntryType.ENROLL).count(),
                "one ENROLL entry");
        assertEquals(100, points(m, run.ada), "the sender's reward, once");
        assertEquals(50, points(m, bob.card()), "the friend's reward, once");
        assertEquals(Set.of("welcome-" + bob.card().value()), m.mail.queued().stream()
                .filter(e -> e.kind() == EmailKind.WELCOME && e.to().equals("bob@example.com"))
                .map(EmailMessage::id).collect(Collectors.toSet()), "one welcome e-mail id");
        assertEquals(1, eventIds(m, "member.enrolled", bob.card()).size());
        assertEquals(1, eventIds(m, "referral.rewarded", bob.card()).size());
        assertEquals(EnrollmentRecord.Status.COMPLETE, record(run).status());
    }

    private static Set<String> eventIds(MemberWorld m, String type, CardNumber card) {
        return m.world.events.published().stream().filter(e -> e.type().equals(type))
                .filter(e -> e.data().containsValue(card.value())).map(DomainEvent::id).collect(Collectors.toSet());
    }

    private static long points(MemberWorld m, CardNumber card) {
        return m.world.ledger.head(BRAND, card).map(e -> e.stateAfter().balance(POINTS).total()).orElse(0L);
    }
}
