package io.tally.dynamo.store;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A brand's handed-out cards a page at a time (A88): the brand's card sets in id order (one consistent query of the
 * configuration partition), and in each the GSI1 partition {@code CSET#b#c} under {@code A#} in card number order
 * (the pool index's allocated half). No scan: the brand's member index is the sum of its card sets' allocated
 * partitions. The cursor is {@code <card set id> <last card number>}: the next page starts after that card.
 * Eventually consistent, like every index read: a card handed out a moment ago may still be listed under {@code U#}.
 */
final class DynamoBrandCards implements BrandCardsPort {
    private final Table table;
    private final CardPort cards;

    DynamoBrandCards(Table table, CardPort cards) {
        this.table = table;
        this.cards = cards;
    }

    @Override
    public CardsPage page(BrandId brand, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        List<String> sets = table.queryPrefix(Keys.brand(brand.value()), Keys.CARD_SET_PREFIX, true).stream()
                .map(ConfigItems.CARD_SET::mapToItem).map(s -> s.id().value()).sorted(Comparator.naturalOrder()).toList();
        String fromSet = cursor.map(c -> c.substring(0, c.indexOf(' '))).orElse(sets.isEmpty() ? "" : sets.get(0));
        Optional<String> after = cursor.map(c -> c.substring(c.indexOf(' ') + 1)).filter(s -> !s.isEmpty());
        List<Card> cards = new ArrayList<>();
        for (String set : sets) {
            if (set.compareTo(fromSet) < 0) {
                continue;
            }
            Optional<String> start = set.equals(fromSet) ? after : Optional.empty();
            List<Card> found = allocated(brand, set, start, limit - cards.size());
            cards.addAll(found);
            if (cards.size() == limit) {
                return new CardsPage(cards, Optional.of(set + " " + found.get(found.size() - 1).number().value()));
            }
        }
        return new CardsPage(cards, Optional.empty());
    }

    /** One page of a card set's allocated cards after {@code after}, or fewer when the set ends (A59's query). */
    private List<Card> allocated(BrandId brand, String set, Optional<String> after, int limit) {
        List<Card> found = new ArrayList<>();
        Optional<CardNumber> from = after.map(CardNumber::new);
        do {
            CardPort.CardPage page = cards.allocatedInCardSet(brand, new CardSetId(set), CardPort.NumberRange.ALL, from,
                    limit - found.size());
            found.addAll(page.cards());
            from = page.next();
        } while (from.isPresent() && found.size() < limit);
        return found;
    }
}
