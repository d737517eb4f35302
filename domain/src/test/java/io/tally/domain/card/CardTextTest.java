package io.tally.domain.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.TestWorld;
import org.junit.jupiter.api.Test;

/** A card's text form (what a log line or an assertion message shows) names it without its secrets. */
class CardTextTest {
    @Test
    void a_cards_text_shows_neither_its_pin_hash_nor_its_full_number() {
        TestWorld w = new TestWorld();
        CardNumber number = w.activeCard();
        Card card = w.cards.load(TestWorld.BRAND, number).orElseThrow();

        String text = card.toString();

        assertTrue(card.pinHash().isPresent());
        assertFalse(text.contains(card.pinHash().get()), text);
        assertFalse(text.contains(number.value()), text);
        assertTrue(text.contains(number.lastFour()), text);
    }
}
