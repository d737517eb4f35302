package io.tally.domain.segment;

import io.tally.domain.card.Card;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The brand's handed-out cards (active or inactive: its members and identified customers), a page at a time, without
 * a scan of the table: what a segment is evaluated over. The cursor is the adapter's own text, opaque to callers; the
 * order is stable (card set by card set, each in card number order) so a page budget can stop and resume.
 */
public interface BrandCardsPort {
    /** Upper bound of a page. */
    int MAX_PAGE = 100;

    CardsPage page(BrandId brand, Optional<String> cursor, int limit);

    /** Up to {@code limit} cards and where the next page starts (empty after the last card). */
    record CardsPage(List<Card> cards, Optional<String> next) {
        public CardsPage {
            cards = List.copyOf(cards);
            Objects.requireNonNull(next, "next");
        }
    }
}
