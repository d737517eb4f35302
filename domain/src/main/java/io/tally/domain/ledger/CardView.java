package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import java.time.Instant;
import java.util.Objects;

/**
 * A card's profile with its ledger state brought to {@code asOf} (balances, holds, as {@link Settlement} has them
 * then): what search and lookup answer.
 */
public record CardView(Card card, CardState state, Instant asOf) {
    public CardView {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(asOf, "asOf");
    }
}
