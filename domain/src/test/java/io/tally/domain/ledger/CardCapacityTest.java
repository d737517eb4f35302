package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.PROGRAM;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.fakes.TestWorld.context;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static io.tally.domain.ledger.BalanceUsecasesHelpers.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-card bounds ({@link LedgerLimits#MAX_BUCKETS_PER_CARD}, {@link LedgerLimits#MAX_HOLDS_PER_CARD}) that keep
 * one ledger entry inside one DynamoDB item, whatever the per-balance limits would allow.
 */
class CardCapacityTest {
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();
    private final List<ValueTypeKey> keys = new ArrayList<>();

    CardCapacityTest() {
        for (int i = 0; i < LedgerLimits.MAX_BALANCES; i++) {
            ValueTypeKey key = ValueTypeKey.custom("VT" + i);
            w.programs.saveValueType(new ValueType(BRAND, PROGRAM, key, 0, ValueTypeLimits.NONE));
            keys.add(key);
        }
    }

    private Outcome<BalanceResult> issue(ValueTypeKey key, long amount, Optional<Instant> expiresAt) {
        return w.issue.issue(new IssueUseCase.IssueCommand(context(), w.info(), card, key, amount, expiresAt, false, Optional.empty()));
    }

    private Outcome<BalanceResult> hold(ValueTypeKey key, long amount) {
        return w.hold.hold(new HoldUseCase.HoldCommand(context(), w.info(), card, key, amount, Optional.empty(), false,
                Optional.empty()));
    }

    /** Fills the card to its bucket limit with full balances of distinct expiries; returns the balances used. */
    private int fillBuckets() {
        int perBalance = LedgerLimits.MAX_BUCKETS_PER_BALANCE;
        int balances = LedgerLimits.MAX_BUCKETS_PER_CARD / perBalance;
        for (int v = 0; v < balances; v++) {
            for (int b = 0; b < perBalance; b++) {
                issue(keys.get(v), 1, Optional.of(START.plus(days(1 + b)))).value();
            }
        }
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_CARD, w.state(card).bucketCount());
        return balances;
    }

    @Test
    void a_card_at_its_bucket_limit_takes_only_top_ups() {
        int used = fillBuckets();
        ValueTypeKey empty = keys.get(used);

        Outcome<BalanceResult> fresh = issue(empty, 1, Optional.empty());
        Outcome<BalanceResult> same = issue(keys.get(0), 5, Optional.of(START.plus(days(1))));

        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(fresh), "an empty balance, but no room on the card");
        String detail = ((Outcome.Rejected<?>) fresh).rejection().detail();
        assertTrue(detail.contains("across its balances"), detail);
        assertTrue(same.value().entry().posting().changes().get(0) instanceof Change.TopUp);
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_CARD, w.state(card).bucketCount());
        assertEquals(w.state(card), LedgerRules.replay(w.ledger.all(BRAND, card)));
    }

    @Test
    void a_void_that_would_recreate_buckets_beyond_the_card_limit_is_over_capacity() {
        fillBuckets();
        ValueTypeKey first = keys.get(0);
        TransactionId redeemed = w.redeem.redeem(new RedeemUseCase.RedeemCommand(context(), w.info(), card, first, 2, false,
                Optional.empty())).value().transactionId(); // empties two buckets
        issue(keys.get(LedgerLimits.MAX_BUCKETS_PER_CARD / LedgerLimits.MAX_BUCKETS_PER_BALANCE), 1, Optional.empty()).value();

        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(w.voidTransaction(card, redeemed)), "one free slot, two to recreate");
    }

    @Test
    void a_void_that_would_recreate_more_buckets_than_the_balance_has_room_for_is_over_capacity() {
        for (int b = 0; b < LedgerLimits.MAX_BUCKETS_PER_BALANCE; b++) {
            w.issueExpiring(card, 1, START.plus(days(1 + b))).value();
        }
        TransactionId redeemed = w.redeem(card, 2).value().transactionId(); // empties two buckets: 98 left
        w.issue(card, 1).value();                                            // 99

        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(w.voidTransaction(card, redeemed)), "one free slot, two to recreate");
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_BALANCE - 1, w.state(card).balance(USD).buckets().size());
    }

    @Test
    void a_card_holds_a_bounded_number_of_open_holds_across_its_balances() {
        int perBalance = LedgerLimits.MAX_HOLDS_PER_BALANCE;
        int balances = LedgerLimits.MAX_HOLDS_PER_CARD / perBalance;
        for (int v = 0; v <= balances; v++) {
            issue(keys.get(v), 1_000, Optional.empty()).value();
        }
        for (int v = 0; v < balances; v++) {
            for (int h = 0; h < perBalance; h++) {
                hold(keys.get(v), 1).value();
            }
        }

        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(hold(keys.get(balances), 1)), "a balance without holds, but the card is full");
        assertEquals(LedgerLimits.MAX_HOLDS_PER_CARD, w.state(card).holdCount());
    }

    @Test
    void a_state_over_the_card_limits_is_a_bug() {
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < LedgerLimits.MAX_BUCKETS_PER_BALANCE; b++) {
            buckets.add(new Bucket(new TransactionId(String.valueOf(1_000 + b)), 1, 1, Optional.empty(), false));
        }
        java.util.HashMap<ValueTypeKey, Balance> balances = new java.util.HashMap<>();
        for (int v = 0; v <= LedgerLimits.MAX_BUCKETS_PER_CARD / LedgerLimits.MAX_BUCKETS_PER_BALANCE; v++) {
            balances.put(keys.get(v), new Balance(keys.get(v), buckets, List.of()));
        }

        assertThrows(IllegalStateException.class, () -> new CardState(1, balances, Map.of(), List.of(), Optional.empty(), Optional.empty()));
    }
}
