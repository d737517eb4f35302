package io.tally.domain.communication.send;

import io.tally.domain.card.CardNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a send's fan-out as its first delivery listed it: the cards and where the next page starts. Stored before
 * the next page is queued, so every delivery of this page and of the next agree on them (cards handed out meanwhile
 * change nothing already listed).
 */
public record PageListing(List<CardNumber> cards, Optional<String> next) {
    public PageListing {
        cards = List.copyOf(cards);
        Objects.requireNonNull(next, "next");
    }
}
