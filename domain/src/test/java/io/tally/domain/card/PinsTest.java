package io.tally.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinsTest {
    @Test
    void pins_are_four_digits_and_stored_only_as_a_slow_hash() {
        SeededRandom random = new SeededRandom(3);
        String pin = Pins.generate(random, Pins.DEFAULT_DIGITS);
        String hash = Pins.hash(pin, random);
        Card card = Card.unallocated(new BrandId("ACME"), new CardNumber("4111111111111111"), new ProgramId("p"),
                new CardSetId("s")).activated(hash, Instant.EPOCH);

        assertTrue(pin.matches("[0-9]{4}"));
        assertTrue(hash.startsWith("pbkdf2$"));
        assertFalse(hash.contains(pin));
        assertTrue(Pins.matches(card, pin));
        assertFalse(Pins.matches(card, pin.equals("0000") ? "0001" : "0000"));
        assertEquals(2, card.version());
    }
}
