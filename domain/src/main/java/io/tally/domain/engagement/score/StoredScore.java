package io.tally.domain.engagement.score;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.Objects;

/** A card's customer score as of the end of {@code asOf} (UTC), as the scoring job stored it. */
public record StoredScore(BrandId brand, CardNumber card, LocalDate asOf, CustomerScore score) {
    public StoredScore {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(score, "score");
    }
}
