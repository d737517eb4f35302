package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A card's append-only ledger. The whole money model rests on one guarantee of {@link #append}: two
 * writers can never both store an entry with the same sequence number. A writer reads the head (entry n),
 * decides from its state, and appends n + 1; if someone else appended n + 1 first, the append reports a
 * conflict and the writer starts over from the new head. No multi-item transaction is ever needed.
 * Every call is scoped by brand: another brand's card looks exactly like a card with no entries.
 */
public interface CardLedgerPort {
    /** Largest history page. */
    int MAX_PAGE = 100;
    /** Most cards one {@link #dueCards} call returns. */
    int MAX_DUE = 100;
    /** Most entries one {@link #unrelayed} call returns. */
    int MAX_OUTBOX = 100;

    /** The card's latest entry (highest sequence), read strongly consistently; empty for a card without entries. */
    Optional<LedgerEntry> head(BrandId brand, CardNumber card);

    /** A card's profile with its ledger head (empty for a card without entries), read together. */
    record CardWithHead(Card card, Optional<LedgerEntry> head) {
        public CardWithHead {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(head, "head");
        }
    }

    /**
     * The card's profile and its head, both strongly consistent; empty when the brand has no such card. What a writer
     * and a balance read need first. By default two reads (the profile from {@code cards}, then {@link #head}); an
     * adapter that stores the profile in the ledger's own partition answers with one request (DynamoDB: one
     * descending Query, Limit 2) and does not need {@code cards}.
     */
    default Optional<CardWithHead> cardWithHead(CardPort cards, BrandId brand, CardNumber card) {
        return cards.load(brand, card).map(c -> new CardWithHead(c, head(brand, card)));
    }

    /** The entry with that sequence number, read strongly consistently. */
    Optional<LedgerEntry> entry(BrandId brand, CardNumber card, long sequence);

    /**
     * The ledger's outbox: entries whose event has not yet reached the transport, made before {@code before}, oldest
     * first, at most {@code limit} (1..{@link #MAX_OUTBOX}), across all cards and brands. Every appended entry is in it
     * from the moment it is stored (the outbox is part of the entry's own single write: adapter, a sparse index) until
     * {@link #markRelayed}; so an entry whose writer died right after the write is still found here. May lag either
     * way (adapter: an index): an entry just relayed may still be listed, which only means it is published twice
     * (consumers de-duplicate on the event id).
     */
    List<LedgerEntry> unrelayed(Instant before, int limit);

    /** The entry's event has been handed to the transport: it leaves the outbox. Idempotent. */
    void markRelayed(LedgerEntry entry);

    /**
     * Stores {@code next} only if the card has no entry with its sequence number yet (DynamoDB: PutItem with
     * {@code attribute_not_exists} on the SEQ#n sort key). The caller appends head + 1 and passes the entry it follows
     * ({@code previous}, the head it read; empty when unknown), so the adapter can keep the sweeper's due index small:
     * an entry names a due instant only where the card's due instant changes. The port does not check for gaps,
     * because one conditional write cannot see the previous item.
     */
    AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous);

    /** {@link #append(LedgerEntry, Optional)} without knowing the previous entry (the entry is then always indexed). */
    default AppendOutcome append(LedgerEntry next) {
        return append(next, Optional.empty());
    }

    /**
     * Up to {@code limit} (1..{@link #MAX_PAGE}) of the card's entries with a sequence below {@code beforeSequence},
     * newest first (the back office's card page: each entry carries the balances after it). By default one read per
     * entry; an adapter answers with one descending query of the card's ledger.
     */
    default List<LedgerEntry> newestBefore(BrandId brand, CardNumber card, long beforeSequence, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        List<LedgerEntry> found = new ArrayList<>();
        for (long s = beforeSequence - 1; s >= 0 && found.size() < limit; s--) {
            entry(brand, card, s).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Entries made in {@code [from, to)}, in sequence order, at most {@code pageSize} (1..{@link #MAX_PAGE}).
     * Entry times never decrease along a card's sequence. Continue with the returned cursor (opaque).
     */
    HistoryPage history(BrandId brand, CardNumber card, Instant from, Instant to, int pageSize, Optional<String> cursor);

    /**
     * Claims a ledger id for the card (DynamoDB: PutItem of {@code LID#brand#id} with {@code attribute_not_exists},
     * or the same card again). False when another card of the brand holds it: the caller tries another candidate.
     */
    boolean claimLedgerId(BrandId brand, LedgerId ledgerId, CardNumber card);

    /** The card that holds this ledger id in the brand, read strongly consistently. */
    Optional<CardNumber> cardOf(BrandId brand, LedgerId ledgerId);

    /**
     * The entry with that transaction id within the brand: the id names the card's ledger id and the entry's sequence
     * ({@link TransactionIds#locate}), so this is two strongly consistent reads and can never reach another card.
     */
    default Optional<LedgerEntry> byTransactionId(BrandId brand, TransactionId transactionId) {
        return TransactionIds.locate(transactionId)
                .flatMap(at -> cardOf(brand, at.ledgerId()).flatMap(card -> entry(brand, card, at.sequence())))
                .filter(e -> e.transactionId().equals(transactionId));
    }

    /** How many shards the sweeper's due index has; {@link #dueCards} reads one at a time. */
    int dueShards();

    /**
     * One page of the sweeper's due index in one shard: up to {@code limit} (1..{@link #MAX_DUE}) cards whose state
     * time changes at or before {@code now} ({@link ExpireDueUseCase#nextDue} of the head), earliest due first, each
     * card once per page. Continue with {@code next} (opaque); a page may hold fewer cards than asked although more
     * follow, because the index holds superseded entries too (an entry names the card's due instant where it
     * changed): those are skipped and taken out of the index as they are met, so none is read twice and none ends a
     * walk. May lag (adapter: an index): a card just appended to may be missing until the index catches up; that is
     * harmless because {@link ExpireDueUseCase#sweep} decides from the head and writes nothing when nothing is due.
     */
    DuePage dueCards(int shard, Instant now, int limit, Optional<String> cursor);

    /** A card the sweeper should look at, and the instant it is due. */
    record DueCard(BrandId brand, CardNumber card, Instant due) {
        public DueCard {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(due, "due");
        }
    }

    /** A page of the due index: the due cards, where to continue, and how many superseded entries were removed. */
    record DuePage(List<DueCard> cards, Optional<String> next, int superseded) {
        public DuePage {
            cards = List.copyOf(cards);
            Objects.requireNonNull(next, "next");
        }
    }

    /** What an append did. */
    sealed interface AppendOutcome {
        record Appended() implements AppendOutcome {
        }

        /** Another entry already holds that sequence number: re-read the head and decide again. */
        record Conflict() implements AppendOutcome {
        }

        AppendOutcome APPENDED = new Appended();
        AppendOutcome CONFLICT = new Conflict();
    }
}
