package io.tally.domain.segment.evaluation;

import io.tally.domain.card.CardNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a snapshot's run as its first delivery fixed it: the cards the page lists and where the next page
 * starts (stored before the next page is queued, so every delivery of the page and of the next agrees on them),
 * then the members among those cards and how many cards were examined (stored once, so a redelivery that reads
 * facts changed since writes the same members).
 */
public record SnapshotPage(List<CardNumber> cards, Optional<String> next, Optional<List<CardNumber>> members,
                           long examined) {
    public SnapshotPage {
        cards = List.copyOf(cards);
        Objects.requireNonNull(next, "next");
        members = Objects.requireNonNull(members, "members").map(List::copyOf);
        if (examined < 0 || examined > cards.size()) {
            throw new IllegalArgumentException("examined " + examined + " of " + cards.size());
        }
    }

    public static SnapshotPage listed(List<CardNumber> cards, Optional<String> next) {
        return new SnapshotPage(cards, next, Optional.empty(), 0);
    }

    public SnapshotPage decided(List<CardNumber> memberCards, long examinedCards) {
        return new SnapshotPage(cards, next, Optional.of(memberCards), examinedCards);
    }
}
