package io.tally.domain.contract;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.LedgerRules;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.Posting;
import io.tally.domain.ledger.Reference;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.TransactionIds;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test data for the port contracts. Brands and card numbers are fresh per call, so contract tests can share
 * one table (dynalite) without cleaning up. Entries use every field, so a lossy adapter mapping fails.
 */
public final class ContractData {
    public static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    public static final ValueTypeKey STARS = ValueTypeKey.custom("Stars");
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
    private static final SeededRandom RANDOM = new SeededRandom(System.nanoTime());
    private static final CardSet NUMBERS = new CardSet(new BrandId("x"), new CardSetId("x"), new ProgramId("x"), "x", "9", 19);

    private ContractData() {
    }

    public static synchronized BrandId freshBrand() {
        return new BrandId("contract-" + Long.toHexString(RANDOM.nextLong()));
    }

    public static synchronized CardNumber freshCard() {
        return new CardNumberGenerator(RANDOM).next(NUMBERS);
    }

    private static Origin origin(int i) {
        return new Origin(Optional.of(new LocationId("loc-" + i)), Optional.of(new TerminalId("pos-1")),
                i % 2 == 0 ? Optional.of(new EmployeeId("emp-7")) : Optional.empty(),
                Optional.of("order-" + i), Optional.of("note ü " + i), Optional.of("ref-" + i),
                Optional.of(new Origin.RequestKey("req-" + i, "fp" + i)));
    }

    /**
     * Six entries of one card, a minute apart: issue USD (expiring, store credit), issue Stars, hold USD,
     * redeem from the hold, void of the Stars issuance, an issuance of USD that tops up the first bucket. Their
     * states carry buckets, holds, voided ids and requests.
     */
    public static List<LedgerEntry> chain(BrandId brand, CardNumber card) {
        List<LedgerEntry> entries = new ArrayList<>();
        CardState state = CardState.EMPTY;
        LedgerId ledgerId = ledgerId();
        TransactionId[] ids = new TransactionId[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TransactionIds.next(T0.plus(Duration.ofMinutes(i)), i == 0 ? Optional.empty() : Optional.of(ids[i - 1]),
                    ledgerId, i + 1);
        }
        long seq = 1;
        Bucket usd = new Bucket(ids[0], 5_000, 5_000, Optional.of(T0.plus(Duration.ofDays(365))), true);
        Bucket stars = new Bucket(ids[1], 12, 12, Optional.empty(), false);
        List<Posting> postings = List.of(
                posting(brand, card, seq++, ids[0], EntryType.ISSUE, 0, List.of(new Change.AddBucket(USD, usd)), Optional.empty(), 0),
                posting(brand, card, seq++, ids[1], EntryType.ISSUE, 1, List.of(new Change.AddBucket(STARS, stars)), Optional.empty(), 0),
                posting(brand, card, seq++, ids[2], EntryType.HOLD, 2,
                        List.of(new Change.OpenHold(USD, new Hold(ids[2], 3, 2_000, 2_000, T0.plus(Duration.ofDays(7))))), Optional.empty(), 0),
                posting(brand, card, seq++, ids[3], EntryType.REDEEM, 3,
                        List.of(new Change.ReduceHold(USD, ids[2], 500), new Change.Take(USD, usd.slice(500))),
                        Optional.of(new Reference(ids[2], 3)), 250),
                posting(brand, card, seq++, ids[4], EntryType.VOID, 4, List.of(new Change.Take(STARS, stars.slice(12))),
                        Optional.of(new Reference(ids[1], 2)), 0),
                posting(brand, card, seq, ids[5], EntryType.ISSUE, 5, List.of(new Change.TopUp(USD, ids[0], 750)),
                        Optional.empty(), 0));
        for (Posting p : postings) {
            state = LedgerRules.apply(state, p);
            entries.add(new LedgerEntry(p, state));
        }
        return entries;
    }

    /** Two entries: an ISSUE of USD expiring at {@code expiresAt}, then a REDEEM spending all of it (no expiry left). */
    public static List<LedgerEntry> expiringThenSpent(BrandId brand, CardNumber card, Instant expiresAt) {
        LedgerId ledgerId = ledgerId();
        TransactionId issue = TransactionIds.next(T0, Optional.empty(), ledgerId, 1);
        TransactionId redeem = TransactionIds.next(T0.plus(Duration.ofMinutes(1)), Optional.of(issue), ledgerId, 2);
        Bucket bucket = new Bucket(issue, 700, 700, Optional.of(expiresAt), false);
        List<Posting> postings = List.of(
                posting(brand, card, 1, issue, EntryType.ISSUE, 0, List.of(new Change.AddBucket(USD, bucket)), Optional.empty(), 0),
                posting(brand, card, 2, redeem, EntryType.REDEEM, 1, List.of(new Change.Take(USD, bucket.slice(700))), Optional.empty(), 0));
        List<LedgerEntry> entries = new ArrayList<>();
        CardState state = CardState.EMPTY;
        for (Posting p : postings) {
            state = LedgerRules.apply(state, p);
            entries.add(new LedgerEntry(p, state));
        }
        return entries;
    }

    /**
     * A card whose due instant kept changing: 1,000.00 USD that never expires, then {@code holds} holds of 0.01, each
     * lapsing a second earlier than the one before and released at once. Every hold's entry names a new due instant
     * (its lapse); the release after it has nothing due, so every one of those names is superseded by the end.
     */
    public static List<LedgerEntry> holdsReleased(BrandId brand, CardNumber card, int holds, Instant lastLapse) {
        LedgerId ledgerId = ledgerId();
        List<LedgerEntry> entries = new ArrayList<>();
        CardState state = CardState.EMPTY;
        TransactionId previous = null;
        for (int seq = 1; seq <= 1 + 2 * holds; seq++) {
            TransactionId id = TransactionIds.next(T0.plus(Duration.ofSeconds(seq)), Optional.ofNullable(previous), ledgerId, seq);
            Posting p;
            if (seq == 1) {
                p = posting(brand, card, seq, id, EntryType.ISSUE, 0,
                        List.of(new Change.AddBucket(USD, new Bucket(id, 100_000, 100_000, Optional.empty(), false))), Optional.empty(), 0);
            } else if (seq % 2 == 0) {
                Instant lapse = lastLapse.plusSeconds(holds - seq / 2L);
                p = posting(brand, card, seq, id, EntryType.HOLD, 1, List.of(new Change.OpenHold(USD, new Hold(id, seq, 1, 1, lapse))),
                        Optional.empty(), 0);
            } else {
                p = posting(brand, card, seq, id, EntryType.RELEASE, 1, List.of(new Change.ReduceHold(USD, previous, 1)),
                        Optional.of(new Reference(previous, seq - 1)), 0);
            }
            state = LedgerRules.apply(state, p);
            entries.add(new LedgerEntry(p, state));
            previous = id;
        }
        return entries;
    }

    /** A random ledger id (the contract tests claim it for the card when they need the id to lead back). */
    public static LedgerId ledgerId() {
        return new LedgerId(String.format("%010d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000L)));
    }

    private static Posting posting(BrandId brand, CardNumber card, long seq, TransactionId id, EntryType type, int minute,
                                   List<Change> changes, Optional<Reference> related, long due) {
        return new Posting(brand, card, seq, id, type, T0.plus(Duration.ofMinutes(minute)), origin(minute), changes, related, due);
    }
}
