package io.tally.domain.ledger;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
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
     * {@code attribute_not_exists} on the SEQ#n sort key). The caller appends head + 1; the port does not
     * check for gaps, because one conditional write cannot see the previous item.
     */
    AppendOutcome append(LedgerEntry next);

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

    /**
     * Up to {@code limit} (1..{@link #MAX_DUE}) cards whose latest entry's state needs the sweeper by {@code now}:
     * {@link ExpireDueUseCase#nextDue} of the head state is at or before {@code now}. Earliest due first, each card
     * once. May be stale either way (adapter: a sparse index written with each entry): a card just appended to may
     * be missing until the index catches up, and a listed card may have nothing left to do; that is harmless because
     * {@link ExpireDueUseCase#sweep} decides from the head and writes nothing when nothing is due.
     */
    List<DueCard> dueCards(Instant now, int limit);

    /** A card the sweeper should look at. */
    record DueCard(BrandId brand, CardNumber card) {
        public DueCard {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(card, "card");
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
