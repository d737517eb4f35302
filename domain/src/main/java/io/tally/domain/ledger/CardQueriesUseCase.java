package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Pins;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Read-only questions about cards: one card with its balances, a search, and a card's history. */
public final class CardQueriesUseCase {
    private final CardPort cards;
    private final CardLedgerPort ledger;
    private final Clock clock;

    public CardQueriesUseCase(CardPort cards, CardLedgerPort ledger, Clock clock) {
        this.cards = cards;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One card and its state as of now (profile and head read together). With a PIN given, a wrong PIN is INVALID_PIN. */
    public Outcome<CardView> lookup(BrandId brand, CardNumber number, Optional<String> pin) {
        Optional<CardLedgerPort.CardWithHead> read = ledger.cardWithHead(cards, brand, number);
        if (read.isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        if (pin.isPresent() && !Pins.matches(read.get().card(), pin.get())) {
            return Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN.");
        }
        return Outcome.accepted(view(read.get().card(), read.get().head()));
    }

    /** Cards matching the criterion; only ACTIVE ones unless includeInactive. One head read per card found. */
    public List<CardView> search(BrandId brand, CardSearch criterion, boolean includeInactive, int limit) {
        int bounded = Math.max(1, Math.min(limit, CardPort.MAX_RESULTS));
        return cards.search(brand, criterion, bounded).stream()
                .filter(c -> includeInactive || c.status() == CardStatus.ACTIVE)
                .map(c -> view(c, ledger.head(c.brand(), c.number())))
                .toList();
    }

    public record HistoryQuery(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize,
                               Optional<String> cursor) {
        public HistoryQuery {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** Entries made in {@code [from, to)}, oldest first, one page (page size clamped to 1..100). */
    public Outcome<HistoryPage> history(HistoryQuery q) {
        if (!q.from().isBefore(q.to())) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "beginDate must be before endDate");
        }
        if (cards.load(q.brand(), q.card()).isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        int pageSize = Math.max(1, Math.min(q.pageSize(), CardLedgerPort.MAX_PAGE));
        return Outcome.accepted(ledger.history(q.brand(), q.card(), q.from(), q.to(), pageSize, q.cursor()));
    }

    /** The card as of now: its head's state with whatever time has done since (a read never writes). */
    private CardView view(Card card, Optional<LedgerEntry> head) {
        Instant now = clock.instant();
        if (head.isEmpty()) {
            return new CardView(card, CardState.EMPTY, now);
        }
        Instant asOf = now.isBefore(head.get().time()) ? head.get().time() : now;
        return new CardView(card, Settlement.settled(head.get(), asOf), asOf);
    }
}
