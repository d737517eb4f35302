package io.tally.domain.card.walk;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardPort.NumberRange;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A walk over every handed-out card of a brand, a page at a time from a cursor a job keeps between invocations: the
 * card sets in card set id order, the cards of each in card number order ({@link CardPort#allocatedInCardSet}, A59,
 * never a Scan). The periodic jobs that visit every card (the customer scores, the date rules) walk with it; each
 * stores the cursor in its own run item, moved on by one conditional write per page.
 */
public final class CardWalk {
    private final BrandSetupReadPort setup;
    private final CardPort cards;

    public CardWalk(BrandSetupReadPort setup, CardPort cards) {
        this.setup = setup;
        this.cards = cards;
    }

    /** Where a walk is: the card set being walked and the last card read in it; no card set: before the first. */
    public record Cursor(Optional<CardSetId> cardSet, Optional<CardNumber> after) {
        public static final Cursor START = new Cursor(Optional.empty(), Optional.empty());

        public Cursor {
            Objects.requireNonNull(cardSet, "cardSet");
            Objects.requireNonNull(after, "after");
            if (after.isPresent() && cardSet.isEmpty()) {
                throw new IllegalArgumentException("a card to continue after belongs to a card set");
            }
        }
    }

    /** A page of the walk: its cards, the cursor after them, and whether the walk is over with them. */
    public record Page(List<Card> cards, Cursor next, boolean done) {
        public Page {
            cards = List.copyOf(cards);
            Objects.requireNonNull(next, "next");
        }
    }

    /** The page of at most {@code size} cards (1..{@link CardPort#MAX_PAGE}) at {@code at}. */
    public Page page(BrandId brand, Cursor at, int size) {
        List<CardSetId> sets = setup.cardSets(brand).stream().map(CardSet::id)
                .sorted(Comparator.comparing(CardSetId::value)).toList();
        Optional<CardSetId> set = at.cardSet().isPresent() ? at.cardSet() : sets.stream().findFirst();
        if (set.isEmpty()) {
            return new Page(List.of(), at, true);
        }
        CardPort.CardPage page = cards.allocatedInCardSet(brand, set.get(), NumberRange.ALL, at.after(), size);
        if (page.next().isPresent()) {
            return new Page(page.cards(), new Cursor(set, page.next()), false);
        }
        Optional<CardSetId> nextSet = sets.stream().filter(s -> s.value().compareTo(set.get().value()) > 0).findFirst();
        return new Page(page.cards(), new Cursor(nextSet.isPresent() ? nextSet : set, Optional.empty()),
                nextSet.isEmpty());
    }
}
