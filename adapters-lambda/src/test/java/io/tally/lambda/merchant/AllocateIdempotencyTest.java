package io.tally.lambda.merchant;

import static io.tally.lambda.merchant.MerchantHarness.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Pins;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.TestWorld;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 5: {@code allocate} with a customRequestId has an in-progress state. Concurrent duplicates make
 * one card (the other is told 409), a crash before the answer is stored lets the retry answer the same card and
 * PIN, and no stored replay body holds a PIN in plain text.
 */
class AllocateIdempotencyTest {
    private final MerchantHarness h = new MerchantHarness();
    private static final String BODY = j("{'cardSetId':'set-1'}");

    private long activeCards() {
        return h.world.cards.numbersInCardSet(TestWorld.BRAND, TestWorld.SET).stream()
                .filter(n -> h.world.cards.load(TestWorld.BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).count();
    }

    @Test
    void a_crash_before_the_answer_is_stored_lets_the_retry_answer_the_same_card_and_pin() {
        h.world.poolCard(TestWorld.BRAND);
        h.world.poolCard(TestWorld.BRAND);
        h.world.idempotency.crashNextCompletions(1);
        assertThrows(Crash.class, () -> h.call("allocate", BODY, Map.of("customRequestId", "web-0001")));
        h.world.clock.advance(Duration.ofMinutes(5));

        var retry = h.call("allocate", BODY, Map.of("customRequestId", "web-0001"));

        assertTrue(retry.ok(), retry.raw());
        assertEquals(1, activeCards(), "the retry completed the first attempt's allocation instead of making another");
        var card = h.world.cards.load(TestWorld.BRAND, new CardNumber(retry.get("cardNumber").asText()));
        assertTrue(Pins.matches(card.orElseThrow(), retry.get("pin").asText()), "the PIN that card has");
    }

    @Test
    void a_duplicate_while_the_first_is_in_progress_is_told_409_and_makes_no_second_card() throws Exception {
        h.world.poolCard(TestWorld.BRAND);
        h.world.poolCard(TestWorld.BRAND);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        h.world.cards.pauseNextAllocate(inside, goOn);
        var first = CompletableFuture.supplyAsync(() -> h.call("allocate", BODY, Map.of("customRequestId", "web-0002")));
        assertTrue(inside.await(5, TimeUnit.SECONDS));

        var duplicate = h.call("allocate", BODY, Map.of("customRequestId", "web-0002"));
        goOn.countDown();

        assertEquals(409, duplicate.status(), duplicate.raw());
        assertTrue(first.get(5, TimeUnit.SECONDS).ok());
        assertEquals(1, activeCards());
    }

    @Test
    void the_stored_replay_body_of_an_allocation_holds_no_plaintext_pin() {
        h.world.poolCard(TestWorld.BRAND);
        var first = h.call("allocate", BODY, Map.of("customRequestId", "web-0003"));
        assertTrue(first.ok(), first.raw());
        String pin = first.get("pin").asText();

        for (String stored : h.world.idempotency.storedBodies()) {
            assertFalse(stored.contains("\"pin\":\"" + pin + "\""), "stored in the clear: " + stored);
        }
        var repeat = h.call("allocate", BODY, Map.of("customRequestId", "web-0003"));
        assertEquals(first.raw(), repeat.raw(), "the repeat still answers the identical body");
    }
}
