package io.tally.domain.card;

import io.tally.domain.program.CardSetId;
import io.tally.domain.shared.ZeroPadded;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores card profiles. Every call is scoped by brand: a card of another brand is indistinguishable
 * from a card that does not exist. Every write is one conditional single-item write (DynamoDB:
 * PutItem with a ConditionExpression), so concurrent writers can never silently overwrite each other.
 */
public interface CardPort {
    /** Upper bound for {@link #unallocated} and {@link #search} results. */
    int MAX_RESULTS = 50;
    /** Most cards one {@link #allocatedInCardSet} page holds. */
    int MAX_PAGE = 100;

    /** The card, read strongly consistently. */
    Optional<Card> load(BrandId brand, CardNumber number);

    /**
     * Stores a new card (pool stock or a freshly minted card) only if its number is not taken by any brand: card
     * numbers are unique across the platform (a card is found by its number alone), although every read stays
     * scoped by brand.
     */
    WriteOutcome create(Card card);

    /**
     * Replaces the stored card with {@code changed} only if the stored version is {@code changed.version() - 1}
     * (optimistic locking: the caller read version n and wrote n + 1).
     */
    WriteOutcome update(Card changed);

    /**
     * Hands a pool card out: stores {@code activated} only if the stored card is still UNALLOCATED at version
     * {@code activated.version() - 1}. Two tills allocating the same card cannot both win.
     */
    WriteOutcome allocate(Card activated);

    /**
     * Up to {@code limit} (at most {@link #MAX_RESULTS}) UNALLOCATED cards of the card set. May be slightly stale
     * (adapter: a sparse index): the conditional {@link #allocate} is what decides.
     */
    List<Card> unallocated(BrandId brand, CardSetId cardSet, int limit);

    /**
     * Cards of the brand matching the criterion, in card number order, at most {@code limit} (at most
     * {@link #MAX_RESULTS}). Email matches case-insensitively, phone by its digits. May be slightly stale.
     */
    List<Card> search(BrandId brand, CardSearch criterion, int limit);

    /**
     * How many cards the card set holds, allocated or not (provisioning tops a set up to its declared size).
     * May be slightly stale (adapter: a count over the pool index).
     */
    long countInCardSet(BrandId brand, CardSetId cardSet);

    /**
     * One page of the card set's handed-out cards (ACTIVE or INACTIVE, never pool stock) whose numbers are in
     * {@code range}, in card number order, after {@code after} (empty: from the range's first), at most {@code limit}
     * (1..{@link #MAX_PAGE}): how the Report Center's balances export visits every card of a brand without a scan,
     * a big card set cut into ranges read in parallel. Continue after {@code next} until it is empty; a page may hold
     * fewer cards than asked although more follow. May be slightly stale (adapter: the pool index, A59): a card
     * allocated a moment ago may be missing.
     */
    CardPage allocatedInCardSet(BrandId brand, CardSetId cardSet, NumberRange range, Optional<CardNumber> after,
                                int limit);

    /** A page of {@link #allocatedInCardSet}: the cards, and the card to continue after (empty: the range is done). */
    record CardPage(List<Card> cards, Optional<CardNumber> next) {
        public CardPage {
            cards = List.copyOf(cards);
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * Card numbers compared as text (as an index sorts them): from {@code from} (inclusive; "" from the first) through
     * every number that begins with {@code through} (empty: to the last). Digits only.
     */
    record NumberRange(String from, Optional<String> through) {
        public static final NumberRange ALL = new NumberRange("", Optional.empty());
        /** How many ranges {@link #slices} cuts the numbers into. */
        public static final int SLICES = 100;

        public NumberRange {
            Objects.requireNonNull(through, "through");
            if (!digits(from, 0) || !through.map(t -> digits(t, 1)).orElse(true)) {
                throw new IllegalArgumentException("a number range is bounded by digits");
            }
        }

        private static boolean digits(String s, int min) {
            return s.length() >= min && s.length() <= CardNumber.MAX_LENGTH && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        public boolean contains(CardNumber number) {
            String n = number.value();
            return n.compareTo(from) >= 0 && through.map(t -> n.startsWith(t) || n.compareTo(t) < 0).orElse(true);
        }

        /**
         * Every card number in exactly one of {@value #SLICES} ranges, cut by the two digits after {@code prefix}
         * (a card set's prefix: its random digits follow, so the ranges hold about as many cards each); the first
         * range also holds the numbers below the prefix, the last those above it.
         */
        public static List<NumberRange> slices(String prefix) {
            List<NumberRange> ranges = new ArrayList<>(SLICES);
            ranges.add(new NumberRange("", Optional.of(prefix + "00")));
            for (int i = 1; i < SLICES - 1; i++) {
                String digits = prefix + ZeroPadded.of(i, 2);
                ranges.add(new NumberRange(digits, Optional.of(digits)));
            }
            ranges.add(new NumberRange(prefix + (SLICES - 1), Optional.empty()));
            return ranges;
        }
    }

    /** What a conditional write did. */
    enum WriteOutcome {
        /** Written. */
        WRITTEN,
        /** The condition failed: the number is taken (create), the version moved or the card is no longer UNALLOCATED. */
        CONDITION_FAILED,
        /** No such card in the brand (update, allocate). */
        NOT_FOUND
    }
}
