package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.fakes.TestWorld.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of every balance operation, time moving on: after each step every stored state equals the
 * fold of the card's entries, nothing is negative, holds never exceed the balance, and the balance moved by
 * exactly what the entries say. FILL brings the balance to its bucket limit in one step, so that later
 * issuances top up buckets (and voids, redemptions and expiry meet topped-up buckets) or are over capacity.
 */
class LedgerPropertyTest {
    enum Kind { ISSUE, ISSUE_EXPIRING, STORE_CREDIT, REDEEM, REDEEM_MAX, HOLD, CAPTURE, RELEASE, VOID, SWEEP, ADVANCE, FILL }

    record Op(Kind kind, long amount, int pick, int hours) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs().between(1, 5_000),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(1, 24 * 10)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void every_state_is_the_fold_of_the_ledger_and_never_negative(@ForAll("operations") List<Op> ops) {
        TestWorld w = new TestWorld(ValueTypeLimits.NONE, RetryPolicy.of(2, Backoff.NONE), 11);
        CardNumber card = w.activeCard();
        List<TransactionId> voidable = new ArrayList<>();
        List<TransactionId> holds = new ArrayList<>();
        Checked checked = new Checked();
        for (Op op : ops) {
            Outcome<BalanceResult> result = run(w, card, op, voidable, holds);
            if (result != null && result.isAccepted()) {
                LedgerEntry e = result.value().entry();
                if (e.type() == EntryType.ISSUE || e.type() == EntryType.REDEEM) {
                    voidable.add(e.transactionId());
                }
                if (e.type() == EntryType.HOLD) {
                    holds.add(e.transactionId());
                }
            }
            checked.check(w, card);
        }
        List<LedgerEntry> entries = w.ledger.all(BRAND, card);
        List<TransactionId> topUps = entries.stream()
                .filter(e -> e.posting().changes().stream().anyMatch(c -> c instanceof Change.TopUp))
                .map(LedgerEntry::transactionId).toList();
        boolean toppedUp = !topUps.isEmpty();
        Statistics.label("top-ups").collect(toppedUp);
        Statistics.label("a top-up voided").collect(entries.stream().anyMatch(e -> e.type() == EntryType.VOID
                && topUps.contains(e.posting().related().orElseThrow().transactionId())));
        Statistics.label("top-ups").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    private static Outcome<BalanceResult> run(TestWorld w, CardNumber card, Op op, List<TransactionId> voidable,
                                              List<TransactionId> holds) {
        return switch (op.kind()) {
            case ISSUE -> w.issue(card, op.amount());
            case ISSUE_EXPIRING -> w.issueExpiring(card, op.amount(), w.clock.instant().plus(Duration.ofHours(op.hours())));
            case STORE_CREDIT -> w.issueStoreCredit(card, op.amount());
            case REDEEM -> w.redeem(card, op.amount());
            case REDEEM_MAX -> w.redeem(card, op.amount(), true);
            case HOLD -> w.hold.hold(new HoldUseCase.HoldCommand(context(), w.info(), card, USD, op.amount(),
                    Optional.of(w.clock.instant().plus(Duration.ofHours(op.hours()))), op.pick() % 2 == 0, Optional.empty()));
            case CAPTURE -> holds.isEmpty() ? null
                    : w.redeemFromHold(card, holds.get(op.pick() % holds.size()), op.amount() % 700 + 1, op.pick() % 3 == 0);
            case RELEASE -> holds.isEmpty() ? null : w.release(card, holds.get(op.pick() % holds.size()));
            case VOID -> voidable.isEmpty() ? null : w.voidTransaction(card, voidable.get(op.pick() % voidable.size()));
            case SWEEP -> {
                w.expire.sweep(BRAND, card).value();
                yield null;
            }
            case ADVANCE -> {
                w.clock.advance(Duration.ofHours(op.hours()));
                yield null;
            }
            case FILL -> fill(w, card, op);
        };
    }

    /**
     * Issues until the balance is at its bucket limit (at least once), all of one class: never expiring, store
     * credit, one shared expiry, or distinct expiries. The last outcome is the step's (and the one voids may pick).
     */
    private static Outcome<BalanceResult> fill(TestWorld w, CardNumber card, Op op) {
        Instant shared = w.clock.instant().plus(Duration.ofHours(op.hours()));
        int missing = Math.max(1, LedgerLimits.MAX_BUCKETS_PER_BALANCE - w.state(card).balance(USD).buckets().size());
        Outcome<BalanceResult> last = null;
        for (int i = 0; i < missing; i++) {
            long amount = (op.amount() + i) % 50 + 1;
            last = switch (op.pick() % 4) {
                case 0 -> w.issue(card, amount);
                case 1 -> w.issueStoreCredit(card, amount);
                case 2 -> w.issueExpiring(card, amount, shared);
                default -> w.issueExpiring(card, amount, shared.plusSeconds(i));
            };
        }
        return last;
    }

    /**
     * The checks, carried from step to step: entries are immutable, so each step folds only the entries it added
     * (a fill adds a hundred; re-folding the whole ledger after every step made the property quadratic).
     */
    private static final class Checked {
        private CardState folded = CardState.EMPTY;
        private long balance;
        private long held;
        private int seen;

        void check(TestWorld w, CardNumber card) {
            List<LedgerEntry> entries = w.ledger.all(BRAND, card);
            for (LedgerEntry e : entries.subList(seen, entries.size())) {
                folded = LedgerRules.apply(folded, e.posting());
                assertEquals(e.stateAfter(), folded, "stored state of entry " + e.sequence() + " is the fold");
                for (Movement m : e.movements()) {
                    balance += m.balanceDelta();
                    held += m.heldDelta();
                }
                Balance b = folded.balance(USD);
                assertEquals(balance, b.total(), "balance is the sum of movements");
                assertEquals(held, b.held(), "held is the sum of movements");
                assertTrue(b.total() >= 0 && b.held() >= 0 && b.held() <= b.total());
                assertEquals(b.total(), b.buckets().stream().mapToLong(Bucket::remaining).sum());
            }
            seen = entries.size();
            assertEquals(w.state(card), folded, "the head is the fold of the ledger");
            for (int i = 1; i < entries.size(); i++) {
                assertTrue(!entries.get(i).time().isBefore(entries.get(i - 1).time()), "times never decrease");
                assertTrue(entries.get(i).transactionId().compareTo(entries.get(i - 1).transactionId()) > 0, "ids increase per card");
            }
        }
    }
}
