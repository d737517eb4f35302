package io.tally.dynamo.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.ContractData;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.LedgerRules;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RetryPolicy;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random sequences of every balance operation through the real use cases on the DynamoDB adapters, time moving on:
 * every stored state equals the fold of the card's entries before it (read back through the port's paged history),
 * nothing is negative, and a card whose head is due is what the sweep index lists. The domain's jqwik generators
 * are tied to its in-memory TestWorld, so this drives a seeded java.util.Random instead (seed printed on failure).
 * Every {@link #FILL_EVERY}th card starts at its bucket limit, all buckets of one class (never expiring, store
 * credit, one expiry in turn), so that its issuances of that class top up buckets stored and read back on dynalite
 * and the others are over capacity.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoLedgerPropertyIT {
    private static final int SEQUENCES = 30;
    private static final int MAX_OPS = 30;

    /** Every FILL_EVERY-th card starts with a full balance (a hundred writes: the slow part on dynalite). */
    private static final int FILL_EVERY = 6;

    enum Kind { ISSUE, ISSUE_EXPIRING, STORE_CREDIT, REDEEM, REDEEM_MAX, HOLD, CAPTURE, RELEASE, VOID, SWEEP, ADVANCE }

    @Test
    void every_stored_state_is_the_fold_of_the_ledger_and_never_negative(DynamoTestTable table) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        DynamoWorld w = new DynamoWorld(table, ContractData.freshBrand(), RetryPolicy.of(2, Backoff.NONE), seed);
        int entries = 0;
        int topUps = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            CardNumber card = w.activeCard();
            List<TransactionId> voidable = new ArrayList<>();
            List<TransactionId> holds = new ArrayList<>();
            int ops = 1 + random.nextInt(MAX_OPS);
            boolean filled = sequence % FILL_EVERY == 0;
            int kind = sequence / FILL_EVERY % 3;
            Instant expiry = w.clock.instant().plus(Duration.ofDays(30));
            for (int i = 0; i < ops; i++) {
                Outcome<BalanceResult> result = filled && i == 0 ? fill(w, card, kind, expiry)
                        : filled && random.nextInt(3) == 0 ? issueOfClass(w, card, kind, expiry, 1 + random.nextInt(5_000))
                        : run(w, card, random, voidable, holds);
                if (result != null && result.isAccepted()) {
                    LedgerEntry e = result.value().entry();
                    if (e.type() == EntryType.ISSUE || e.type() == EntryType.REDEEM) {
                        voidable.add(e.transactionId());
                    } else if (e.type() == EntryType.HOLD) {
                        holds.add(e.transactionId());
                    }
                }
            }
            entries += check(w, card, "seed " + seed + ", sequence " + sequence);
            topUps += (int) w.entries(card).stream()
                    .filter(e -> e.posting().changes().stream().anyMatch(c -> c instanceof Change.TopUp)).count();
        }
        System.out.printf("ledger property on dynalite: %d sequences, %d entries (%d top-ups), seed %d%n", SEQUENCES, entries,
                topUps, seed);
    }

    private static Outcome<BalanceResult> run(DynamoWorld w, CardNumber card, Random r, List<TransactionId> voidable,
                                              List<TransactionId> holds) {
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        long amount = 1 + r.nextInt(5_000);
        Instant later = w.clock.instant().plus(Duration.ofHours(1 + r.nextInt(240)));
        return switch (kind) {
            case ISSUE, ISSUE_EXPIRING, STORE_CREDIT -> w.issue.issue(new IssueUseCase.IssueCommand(w.context(), w.info(), card,
                    DynamoWorld.USD, amount, kind == Kind.ISSUE_EXPIRING ? Optional.of(later) : Optional.empty(),
                    kind == Kind.STORE_CREDIT, Optional.empty()));
            case REDEEM, REDEEM_MAX -> w.redeem.redeem(new RedeemUseCase.RedeemCommand(w.context(), w.info(), card,
                    DynamoWorld.USD, amount, kind == Kind.REDEEM_MAX, Optional.empty()));
            case HOLD -> w.hold.hold(new HoldUseCase.HoldCommand(w.context(), w.info(), card, DynamoWorld.USD, amount,
                    Optional.of(later), r.nextBoolean(), Optional.empty()));
            case CAPTURE -> holds.isEmpty() ? null : w.redeemFromHold.redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(
                    w.context(), w.info(), card, DynamoWorld.USD, holds.get(r.nextInt(holds.size())), amount % 700 + 1,
                    r.nextInt(3) == 0, false, Optional.empty()));
            case RELEASE -> holds.isEmpty() ? null : w.release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(w.context(),
                    w.info(), card, DynamoWorld.USD, holds.get(r.nextInt(holds.size())), Optional.empty()));
            case VOID -> voidable.isEmpty() ? null : w.voids.voidTransaction(new VoidUseCase.VoidCommand(w.context(), w.info(),
                    Optional.of(card), voidable.get(r.nextInt(voidable.size()))));
            case SWEEP -> {
                sweepThroughTheIndex(w, card);
                yield null;
            }
            case ADVANCE -> {
                w.clock.advance(Duration.ofHours(1 + r.nextInt(240)));
                yield null;
            }
        };
    }

    /** Issues a new card's balance up to its bucket limit, all of one class; the last outcome is the step's. */
    private static Outcome<BalanceResult> fill(DynamoWorld w, CardNumber card, int kind, Instant expiry) {
        Outcome<BalanceResult> last = null;
        for (int i = 0; i < LedgerLimits.MAX_BUCKETS_PER_BALANCE; i++) {
            last = issueOfClass(w, card, kind, expiry, 1 + i % 50);
        }
        return last;
    }

    /** An issuance of class {@code kind}: 0 never expiring, 1 store credit, 2 expiring at {@code expiry}. */
    private static Outcome<BalanceResult> issueOfClass(DynamoWorld w, CardNumber card, int kind, Instant expiry, long amount) {
        return w.issue.issue(new IssueUseCase.IssueCommand(w.context(), w.info(), card, DynamoWorld.USD, amount,
                kind == 2 ? Optional.of(expiry) : Optional.empty(), kind == 1, Optional.empty()));
    }

    /** The sweeper's way in: a card whose head is due must be listed (dynalite's indexes do not lag), then swept. */
    private static void sweepThroughTheIndex(DynamoWorld w, CardNumber card) {
        Instant now = w.clock.instant();
        boolean due = w.ledger.head(w.brand, card).flatMap(ExpireDueUseCase::nextDue).filter(at -> !at.isAfter(now)).isPresent();
        boolean listed = false;
        for (int shard = 0; shard < w.ledger.dueShards(); shard++) {
            Optional<String> cursor = Optional.empty();
            do {
                CardLedgerPort.DuePage page = w.ledger.dueCards(shard, now, CardLedgerPort.MAX_DUE, cursor);
                listed |= page.cards().stream().anyMatch(d -> d.card().equals(card) && d.brand().equals(w.brand));
                cursor = page.next();
            } while (cursor.isPresent());
        }
        assertEquals(due, listed, "listed by the due index exactly when the head state is due");
        w.expire.sweep(w.brand, card).value();
    }

    private static int check(DynamoWorld w, CardNumber card, String where) {
        List<LedgerEntry> entries = w.entries(card);
        CardState folded = CardState.EMPTY;
        for (LedgerEntry e : entries) {
            folded = LedgerRules.apply(folded, e.posting());
            assertEquals(folded, e.stateAfter(), where + ": stored state of entry " + e.sequence() + " is the fold");
            for (Balance b : folded.balances().values()) {
                assertTrue(b.total() >= 0 && b.held() >= 0 && b.held() <= b.total(), where + ": " + b);
            }
        }
        assertEquals(w.ledger.head(w.brand, card).map(LedgerEntry::stateAfter).orElse(CardState.EMPTY), folded, where);
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).sequence(), where + ": no gaps");
            assertTrue(!entries.get(i).time().isBefore(entries.get(i - 1).time()), where + ": times never decrease");
        }
        return entries.size();
    }
}
