package io.tally.domain.communication.send;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a send's fan-out: the message the mailings queue carries, delivered at least once, in any order.
 * {@code cursor} is where the page starts in the brand's cards (A88; empty for the first page).
 */
public record SendPage(BrandId brand, String send, int page, Optional<String> cursor) {
    /** 2,000,000 cards in pages of 100: the send's item keeps a done mark per page (as a segment run's header). */
    public static final int MAX_PAGES = 20_000;

    public SendPage {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(send, "send id");
        Objects.requireNonNull(cursor, "cursor");
        if (page < 0 || page >= MAX_PAGES) {
            throw new IllegalArgumentException("page out of range: " + page);
        }
        if (page > 0 && cursor.isEmpty()) {
            throw new IllegalArgumentException("a page after the first starts at a cursor");
        }
    }
}
