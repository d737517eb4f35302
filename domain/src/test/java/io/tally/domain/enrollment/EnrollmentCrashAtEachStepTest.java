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
import io.tally.domain.card.Pins;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.enrollment.EnrollUseCase.EnrollCommand;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.member.ContactKey;
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
 * writes are counted from a clean run, so none is left out), and the same form resubmitted completes it: one card,
 * one member holding the e-mail and the phone, one ENROLL entry, one welcome e-mail id, the referral reward once per
 * side, and the PIN on the page is the card's.
 */
class EnrollmentCrashAtEachStepTest {
    private static final Map<String, String> ADA = Map.of("firstName", "Ada", "email", "ada@example.com", "phone", "+1 555 0100");
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
            ada = assertInstanceOf(Result.Enrolled.class, join(ADA, Optional.empty())).card();
            token = m.links.referral(BRAND, ada, "bob@example.com", m.world.clock.instant());
            faults.reset();
        }

        Result bob() {
            return join(BOB, Optional.of(token));
        }

        Result join(Map<String, String> form, Optional<String> ref) {
            return m.enroll.enroll(new EnrollCommand(m.config, "portal-app", "store-1", form, ref, "https://x/portal/ACME", "r1"));
        }
    }

    @TestFactory
    Stream<DynamicTest> the_same_form_resubmitted_completes_an_enrollment_that_died_after_any_of_its_writes() {
        return Arrays.stream(Stock.values()).flatMap(stock -> {
            List<String> writes = cleanRun(stock);
            return IntStream.rangeClosed(1, writes.size()).mapToObj(k -> DynamicTest.dynamicTest(
                    stock + ", died after write " + k + " of " + writes.size() + " (" + writes.get(k - 1) + ")",
                    () -> diesAfterWriteThenResubmits(stock, k)));
        });
    }

    /** The writes of an enrollment that nothing interrupts; it too must end complete. */
    private static List<String> cleanRun(Stock stock) {
        Run run = new Run(stock);
        Result.Enrolled bob = assertInstanceOf(Result.Enrolled.class, run.bob());
        assertCompleted(run, bob);
        assertTrue(run.faults.log().size() > 5, "the flow's writes were counted: " + run.faults.log());
        return run.faults.log();
    }

    private static void diesAfterWriteThenResubmits(Stock stock, int write) {
        Run run = new Run(stock);
        run.faults.crashAfterWrite(write);
        assertThrows(Crash.class, run::bob);

        Result.Enrolled bob = assertInstanceOf(Result.Enrolled.class, run.bob(), "the resubmission completes it");
        assertCompleted(run, bob);

        Result.Enrolled again = assertInstanceOf(Result.Enrolled.class, run.bob(), "the same form once more");
        assertEquals(bob.card(), again.card());
        assertEquals(bob.pin(), again.pin());
        assertCompleted(run, bob);
    }

    private static void assertCompleted(Run run, Result.Enrolled bob) {
        MemberWorld m = run.m;
        List<CardNumber> active = m.world.cards.numbersInCardSet(BRAND, SET).stream()
                .filter(n -> !n.equals(run.ada))
                .filter(n -> m.world.cards.load(BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).toList();
        assertEquals(List.of(bob.card()), active, "one card besides Ada's, and it is Bob's");
        Card card = m.world.cards.load(BRAND, bob.card()).orElseThrow();
        assertTrue(Pins.matches(card, bob.pin()), "the PIN shown is the card's");
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
    }

    private static Set<String> eventIds(MemberWorld m, String type, CardNumber card) {
        return m.world.events.published().stream().filter(e -> e.type().equals(type))
                .filter(e -> e.data().containsValue(card.value())).map(DomainEvent::id).collect(Collectors.toSet());
    }

    private static long points(MemberWorld m, CardNumber card) {
        return m.world.ledger.head(BRAND, card).map(e -> e.stateAfter().balance(POINTS).total()).orElse(0L);
    }
}
