package io.tally.domain.card;

import io.tally.domain.program.CardSet;
import io.tally.domain.shared.RandomSource;

/**
 * Makes new card numbers for a card set: its prefix, random digits, a Luhn check digit. Random and
 * never sequential, so that knowing one card does not reveal its neighbours. With no prefix the first
 * digit is never 0: integrations send card numbers as JSON numbers, which would drop a leading zero.
 */
public final class CardNumberGenerator {
    private final RandomSource random;

    public CardNumberGenerator(RandomSource random) {
        this.random = random;
    }

    public CardNumber next(CardSet set) {
        StringBuilder digits = new StringBuilder(set.cardNumberPrefix());
        if (digits.length() == 0) {
            digits.append((char) ('1' + random.nextInt(9)));
        }
        while (digits.length() < set.cardNumberLength() - 1) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        digits.append((char) ('0' + CardNumber.luhnCheckDigit(digits.toString())));
        return new CardNumber(digits.toString());
    }
}
