package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A test list: the card numbers of the brand's test users (the glossary's "Test lists"), whom a send's test goes to
 * before the real recipients. Changed only over the version read.
 */
public record TestList(BrandId brand, String id, String name, List<CardNumber> cards, Instant updatedAt, long version) {
    public static final int MAX_CARDS = 100;

    public TestList {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(id, "test list id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        cards = List.copyOf(cards);
        if (name.isBlank() || name.length() > 80 || cards.size() > MAX_CARDS || version < 1
                || cards.stream().distinct().count() != cards.size()) {
            throw new IllegalArgumentException("a test list has a name of 1-80 characters and 0-" + MAX_CARDS
                    + " distinct cards");
        }
    }
}
