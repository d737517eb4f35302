package io.tally.domain.member;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.program.CardSetId;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A card store that counts its loads. Verifying a PIN needs the card's PIN hash, so the loads made by
 * {@link VerifyCardUseCase} are the number of PINs it looked at.
 */
final class CountingCardPort implements CardPort {
    private final CardPort cards;
    private final AtomicInteger loads = new AtomicInteger();

    CountingCardPort(CardPort cards) {
        this.cards = cards;
    }

    int loads() {
        return loads.get();
    }

    @Override
    public Optional<Card> load(BrandId brand, CardNumber number) {
        loads.incrementAndGet();
        return cards.load(brand, number);
    }

    @Override
    public WriteOutcome create(Card card) {
        return cards.create(card);
    }

    @Override
    public WriteOutcome update(Card changed) {
        return cards.update(changed);
    }

    @Override
    public WriteOutcome allocate(Card activated) {
        return cards.allocate(activated);
    }

    @Override
    public List<Card> unallocated(BrandId brand, CardSetId cardSet, int limit) {
        return cards.unallocated(brand, cardSet, limit);
    }

    @Override
    public List<Card> search(BrandId brand, CardSearch criterion, int limit) {
        return cards.search(brand, criterion, limit);
    }

    @Override
    public long countInCardSet(BrandId brand, CardSetId cardSet) {
        return cards.countInCardSet(brand, cardSet);
    }

    @Override
    public CardPage allocatedInCardSet(BrandId brand, CardSetId cardSet, NumberRange range, Optional<CardNumber> after,
                                       int limit) {
        return cards.allocatedInCardSet(brand, cardSet, range, after, limit);
    }
}
