package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import java.util.Objects;

/** A card's profile with its current ledger state (balances, holds): what search and lookup answer. */
public record CardView(Card card, CardState state) {
    public CardView {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(state, "state");
    }
}
