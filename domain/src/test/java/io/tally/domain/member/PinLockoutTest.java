package io.tally.domain.member;

import static io.tally.domain.member.VerifyCardUseCase.MAX_WRONG_PINS_PER_CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.CardSpellings;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.VerifyCardUseCase.Access;
import io.tally.domain.member.VerifyCardUseCase.VerifyCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The member portal's wrong-PIN lockout: one counter per card number however it is spelled, and a count that
 * parallel guesses cannot overtake. Every attempt comes from a client of its own, so the per-client rate limit
 * and challenge never interfere.
 */
class PinLockoutTest {
    private static final String WRONG_PIN = "9999";
    private static final Access DENIED = new Access.Denied();
    private static final Access LOCKED_OUT = new Access.LockedOut();

    private final TestWorld world = new TestWorld();
    private final MeetingCounters counters = new MeetingCounters(new InMemoryMemberStores());
    private final CountingCardPort cards = new CountingCardPort(world.cards);
    private final VerifyCardUseCase verify = new VerifyCardUseCase(cards, world.queries, counters, world.clock);
    private final AtomicInteger clients = new AtomicInteger();

    private Access attempt(String number, String pin) {
        return verify.verify(new VerifyCommand(TestWorld.BRAND, number, pin, "client-" + clients.incrementAndGet(), false));
    }

    /** Six wrong PINs, each number spelled a different way, and the answers. */
    private List<Access> sixWrongPins(String digits) {
        List<String> spellings = List.copyOf(CardSpellings.of(digits).values());
        List<Access> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(attempt(spellings.get(i), WRONG_PIN));
        }
        return answers;
    }

    @Test
    void wrong_pins_in_any_spelling_of_the_number_count_against_one_lockout() {
        CardNumber card = world.activeCard();
        List<String> spellings = List.copyOf(CardSpellings.of(card.value()).values());
        for (int i = 0; i < MAX_WRONG_PINS_PER_CARD; i++) {
            attempt(spellings.get(i), WRONG_PIN);
        }

        assertEquals(LOCKED_OUT, attempt(card.value(), TestWorld.PIN), "five wrong PINs in five spellings lock the card");
    }

    @Test
    void every_spelling_of_the_number_opens_the_card_with_the_right_pin() {
        CardNumber card = world.activeCard();
        for (Map.Entry<String, String> spelling : CardSpellings.of(card.value()).entrySet()) {
            assertInstanceOf(Access.Granted.class, attempt(spelling.getValue(), TestWorld.PIN), spelling.getKey());
        }
    }

    @Test
    void a_known_and_an_unknown_number_lock_out_alike_in_any_spelling() {
        CardNumber known = world.activeCard();
        String payload = "603699999999999999";
        String unknown = payload + CardNumber.luhnCheckDigit(payload);
        List<Access> expected = List.of(DENIED, DENIED, DENIED, DENIED, LOCKED_OUT, LOCKED_OUT);

        assertEquals(expected, sixWrongPins(known.value()), "a card");
        assertEquals(expected, sixWrongPins(unknown), "a number that is no card");
    }

    @Test
    void text_that_is_no_card_number_is_counted_canonically_and_under_a_bounded_name() {
        List<String> junk = List.of("not a card", "\u2003not a card", "not\u00A0a\u3000card", "\uFF4E\uFF4F\uFF54 a card",
                "not a\u200B card", "not\u2013a card");
        List<Access> answers = new ArrayList<>();
        for (String text : junk) {
            answers.add(attempt(text, WRONG_PIN));
        }
        attempt("x".repeat(10_000), WRONG_PIN);
        attempt("\uFDFA".repeat(60), WRONG_PIN); // NFKC makes 18 characters of each

        assertEquals(List.of(DENIED, DENIED, DENIED, DENIED, LOCKED_OUT, LOCKED_OUT), answers);
        assertTrue(counters.names().stream().allMatch(name -> name.length() <= 100), "counter names: " + counters.names());
    }

    @Test
    void twenty_parallel_wrong_pins_get_at_most_five_looks_at_the_card() throws Exception {
        CardNumber card = world.activeCard();
        int racers = 20;
        counters.makeCardCountersMeet(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Access>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return attempt(card.value(), WRONG_PIN);
            }));
        }
        go.countDown();
        List<Access> answers = new ArrayList<>();
        for (Future<Access> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        counters.stopMeeting();

        assertTrue(counters.meetings() > 0, "all twenty racers met at the card's counter");
        assertTrue(cards.loads() <= MAX_WRONG_PINS_PER_CARD, "PINs looked at: " + cards.loads());
        assertTrue(answers.stream().filter(a -> !a.equals(LOCKED_OUT)).count() <= MAX_WRONG_PINS_PER_CARD, answers.toString());
        assertEquals(LOCKED_OUT, attempt(card.value(), TestWorld.PIN), "the right PIN after the race");
    }
}
