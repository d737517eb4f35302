package io.tally.domain.backoffice;

import io.tally.domain.card.Card;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.LedgerEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the back office's card page shows: the profile with its balances and holds as of now ({@code view}), one page
 * of history newest first (each entry carries the balances after it), and the card's coupons. {@code older} is the
 * cursor of the next page of history, present when older entries exist.
 */
public record CardPage(CardView view, List<LedgerEntry> history, Optional<String> older, List<Coupon> coupons) {
    public CardPage {
        Objects.requireNonNull(view, "view");
        history = List.copyOf(history);
        Objects.requireNonNull(older, "older");
        coupons = List.copyOf(coupons);
    }

    public Card card() {
        return view.card();
    }
}
