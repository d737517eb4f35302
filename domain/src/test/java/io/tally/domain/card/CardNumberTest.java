package io.tally.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.CardSpellings;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardNumberTest {
    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void luhn() {
        assertTrue(CardNumber.luhnValid("4111111111111111"));
        assertTrue(CardNumber.luhnValid("378282246310005"));
        assertFalse(CardNumber.luhnValid("4111111111111112"));
        assertEquals(1, CardNumber.luhnCheckDigit("411111111111111"));
    }

    @Test
    void lenient_parse_and_masking() {
        CardNumber n = CardNumber.parse(" 4111 1111-1111 1111 ").value();

        assertEquals("4111111111111111", n.value());
        assertEquals("************1111", n.toString());
        assertEquals(Reason.NO_CARD_NUMBER, reason(CardNumber.parse("  ")));
        assertEquals(Reason.NO_CARD_NUMBER, reason(CardNumber.parse(null)));
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("4111111111111112")), "bad check digit looks unknown");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("41111111111")), "too short");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("4111abcd11111111")));
        assertThrows(IllegalArgumentException.class, () -> new CardNumber("4111111111111112"));
    }

    @Test
    void every_spelling_of_a_number_is_the_same_card_number() {
        CardNumber plain = CardNumber.parse("6036123456789012345").value();
        for (Map.Entry<String, String> spelling : CardSpellings.of(plain.value()).entrySet()) {
            Outcome<CardNumber> parsed = CardNumber.parse(spelling.getValue());
            assertTrue(parsed.isAccepted(), spelling.getKey() + ": " + parsed);
            assertEquals(plain, parsed.value(), spelling.getKey());
        }
    }

    @Test
    void junk_is_still_refused_like_an_unknown_card_and_mere_separators_are_no_number() {
        String valid = "6036123456789012345";
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("6036 1234 5678 9012 34x")), "a letter");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse(valid + "0")), "20 digits");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("6036123456789012346")), "bad check digit");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse(CardSpellings.inDigitsOf(valid, '\u0660'))), "Arabic-Indic digits");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse(CardSpellings.inDigitsOf(valid, '\u0966'))), "Devanagari digits");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("6036.1234.5678.9012.345")), "dots are no separators");
        assertEquals(Reason.CARD_NOT_FOUND, reason(CardNumber.parse("\u2003".repeat(50) + valid)), "longer than 64");
        assertEquals(Reason.NO_CARD_NUMBER, reason(CardNumber.parse("\u2003\u3000")));
        assertEquals(Reason.NO_CARD_NUMBER, reason(CardNumber.parse("\u00A0\u200B\uFEFF")), "invisible characters only");
    }

    @Test
    void generated_numbers_have_the_sets_shape_and_are_not_sequential() {
        CardSet set = new CardSet(new BrandId("ACME"), new CardSetId("s"), new ProgramId("p"), "S", "6036", 19);
        CardNumberGenerator generator = new CardNumberGenerator(new SeededRandom(1));
        Set<String> seen = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < 1000; i++) {
            CardNumber n = generator.next(set);
            assertEquals(19, n.value().length());
            assertTrue(n.value().startsWith("6036"));
            assertTrue(CardNumber.luhnValid(n.value()));
            assertTrue(seen.add(n.value()));
            long body = Long.parseLong(n.value().substring(4, 18));
            assertNotEquals(previous + 1, body);
            previous = body;
        }
    }

    @Test
    void without_a_prefix_the_first_digit_is_never_zero() {
        CardSet set = new CardSet(new BrandId("ACME"), new CardSetId("s"), new ProgramId("p"), "S", "", 15);
        CardNumberGenerator generator = new CardNumberGenerator(new SeededRandom(2));
        for (int i = 0; i < 500; i++) {
            assertNotEquals('0', generator.next(set).value().charAt(0));
        }
    }

    /** canonical skips the normalizer for ASCII text: every ASCII character and pair is its own NFKC form. */
    @Test
    void ascii_text_is_its_own_nfkc_form() {
        for (char a = 0; a < 0x80; a++) {
            String one = String.valueOf(a);
            assertEquals(one, Normalizer.normalize(one, Normalizer.Form.NFKC));
            for (char b = 0; b < 0x80; b++) {
                String two = one + b;
                assertEquals(two, Normalizer.normalize(two, Normalizer.Form.NFKC));
            }
        }
        assertEquals("4111111111111111", CardNumber.canonical(" 4111 1111-1111\t1111 "));
        assertEquals("4111111111111111", CardNumber.canonical("\uFF14111\u00A01111\u20131111 1111"));
    }
}
