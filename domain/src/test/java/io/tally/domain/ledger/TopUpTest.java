package io.tally.domain.ledger;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.START;
import static io.tally.domain.fakes.TestWorld.USD;
import static io.tally.domain.ledger.BalanceUseCasesTest.reason;
import static io.tally.domain.ledger.BalanceUsecasesHelpers.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A balance at its bucket limit keeps taking issuances of a class it already holds, by topping up that class's
 * newest bucket; voids of such issuances, redemptions across a topped-up bucket and its expiry stay exact.
 */
class TopUpTest {
    private static final Instant EXPIRY = START.plus(days(10));
    private final TestWorld w = new TestWorld();
    private final CardNumber card = w.activeCard();

    /**
     * A full balance: 99 buckets of 1 that never expire, then one of 10 expiring at {@link #EXPIRY} (spent first;
     * issued last so that it is still inside the void window).
     */
    private TransactionId fill() {
        for (int i = 0; i < LedgerLimits.MAX_BUCKETS_PER_BALANCE - 1; i++) {
            w.issue(card, 1).value();
        }
        TransactionId expiring = w.issueExpiring(card, 10, EXPIRY).value().transactionId();
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_BALANCE, w.state(card).balance(USD).buckets().size());
        return expiring;
    }

    private Bucket bucket(TransactionId source) {
        return w.state(card).balance(USD).bucket(source).orElseThrow();
    }

    private void assertFoldAndInvariants() {
        List<LedgerEntry> entries = w.ledger.all(BRAND, card);
        assertEquals(w.state(card), LedgerRules.replay(entries), "the stored state is the fold of the entries");
        Balance b = w.state(card).balance(USD);
        assertEquals(b.total(), b.buckets().stream().mapToLong(Bucket::remaining).sum());
        assertTrue(b.held() >= 0 && b.held() <= b.total());
    }

    @Test
    void a_loyalty_card_keeps_earning_past_the_bucket_limit() {
        long earned = 0;
        for (int purchase = 1; purchase <= 3 * LedgerLimits.MAX_BUCKETS_PER_BALANCE; purchase++) {
            assertTrue(w.issue(card, purchase).isAccepted(), "purchase " + purchase);
            earned += purchase;
        }

        Balance b = w.state(card).balance(USD);
        assertEquals(earned, b.total());
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_BALANCE, b.buckets().size());
        Bucket newest = b.buckets().get(b.buckets().size() - 1);
        long topUps = 2L * LedgerLimits.MAX_BUCKETS_PER_BALANCE;
        long toppedUp = topUps * LedgerLimits.MAX_BUCKETS_PER_BALANCE + topUps * (topUps + 1) / 2; // purchases 101..300
        assertEquals(LedgerLimits.MAX_BUCKETS_PER_BALANCE + toppedUp, newest.issued(), "every top-up went to the newest bucket");
        assertEquals(newest.issued(), newest.remaining());
        assertFoldAndInvariants();
    }

    @Test
    void a_top_up_is_an_issue_entry_naming_the_newest_bucket_of_the_same_class() {
        TransactionId expiring = fill();
        TransactionId newestNeverExpiring = w.state(card).balance(USD).buckets().stream()
                .filter(x -> x.expiresAt().isEmpty()).map(Bucket::source).max(TransactionId::compareTo).orElseThrow();

        LedgerEntry never = w.issue(card, 7).value().entry();
        LedgerEntry sameExpiry = w.issueExpiring(card, 5, EXPIRY).value().entry();

        assertEquals(EntryType.ISSUE, never.type());
        assertEquals(List.of(new Change.TopUp(USD, newestNeverExpiring, 7)), never.posting().changes());
        assertEquals(7, never.movements().get(0).balanceDelta(), "history shows a top-up as an issue of its amount");
        assertEquals(List.of(new Change.TopUp(USD, expiring, 5)), sameExpiry.posting().changes());
        assertEquals(15, bucket(expiring).issued());
        assertEquals(15, bucket(expiring).remaining());
        assertFoldAndInvariants();
    }

    @Test
    void an_issuance_unlike_every_bucket_is_still_over_capacity() {
        fill();

        Outcome<BalanceResult> otherExpiry = w.issueExpiring(card, 5, EXPIRY.plusSeconds(1));
        Outcome<BalanceResult> storeCredit = w.issueStoreCredit(card, 5);

        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(otherExpiry));
        assertEquals(Reason.CARD_CAPACITY_EXCEEDED, reason(storeCredit));
        String detail = ((Outcome.Rejected<?>) storeCredit).rejection().detail();
        assertTrue(detail.contains("100 value buckets of") && detail.contains("expiry and store-credit flag"), detail);
        assertEquals(109, w.balance(card));
    }

    @Test
    void voiding_a_top_up_takes_back_exactly_its_amount() {
        TransactionId expiring = fill();
        TransactionId topUp = w.issueExpiring(card, 50, EXPIRY).value().transactionId();

        LedgerEntry voided = w.voidTransaction(card, topUp).value().entry();

        assertEquals(List.of(new Change.Take(USD, new Slice(expiring, 50, 60, java.util.Optional.of(EXPIRY), false))),
                voided.posting().changes());
        assertEquals(10, bucket(expiring).remaining());
        assertEquals(109, w.balance(card));
        assertEquals(Reason.ALREADY_VOIDED, reason(w.voidTransaction(card, topUp)));
        assertFoldAndInvariants();
    }

    @Test
    void voiding_the_original_issuance_of_a_topped_up_bucket_takes_only_the_original_amount() {
        TransactionId expiring = fill();
        w.issueExpiring(card, 50, EXPIRY).value();

        w.voidTransaction(card, expiring).value();

        assertEquals(50, bucket(expiring).remaining(), "the top-up stays");
        assertEquals(149, w.balance(card));
        assertFoldAndInvariants();
    }

    @Test
    void an_issuance_in_a_shared_bucket_is_voidable_while_the_bucket_holds_its_amount() {
        TransactionId expiring = fill();
        TransactionId topUp = w.issueExpiring(card, 50, EXPIRY).value().transactionId();
        w.redeem(card, 20).value(); // earliest expiry first: from the shared bucket, 60 -> 40

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, topUp)), "40 left of a top-up of 50");
        w.voidTransaction(card, expiring).value();
        assertEquals(30, bucket(expiring).remaining(), "the original 10 fit in what is left");
        assertFoldAndInvariants();
    }

    @Test
    void a_top_up_reserved_by_a_hold_is_not_voidable() {
        fill();
        TransactionId topUp = w.issueExpiring(card, 50, EXPIRY).value().transactionId();
        w.hold(card, 150).value();

        assertEquals(Reason.NOT_VOIDABLE, reason(w.voidTransaction(card, topUp)), "159 - 50 no longer covers the hold");
    }

    @Test
    void voiding_a_redemption_across_a_topped_up_bucket_restores_it() {
        TransactionId expiring = fill();
        w.issueExpiring(card, 50, EXPIRY).value();
        BalanceResult redeemed = w.redeem(card, 70).value(); // empties the shared 60, then 10 of the others

        assertTrue(w.state(card).balance(USD).bucket(expiring).isEmpty());
        w.voidTransaction(card, redeemed.transactionId()).value();

        assertEquals(60, bucket(expiring).remaining());
        assertEquals(60, bucket(expiring).issued());
        assertEquals(EXPIRY, bucket(expiring).expiresAt().orElseThrow());
        assertEquals(159, w.balance(card));
        assertFoldAndInvariants();
    }

    @Test
    void a_restore_into_a_bucket_recreated_from_an_older_slice_and_topped_up_since_stays_within_issued() {
        TransactionId expiring = fill();
        TransactionId first = w.redeem(card, 5).value().transactionId();   // slice recorded issued 10
        w.issueExpiring(card, 50, EXPIRY).value();                          // 55 of 60
        TransactionId second = w.redeem(card, 55).value().transactionId();  // empties it, slice recorded issued 60
        w.voidTransaction(card, first).value();                             // recreated from the older slice: 5 of 10
        w.issueExpiring(card, 100, EXPIRY).value();                         // topped up again: 105 of 110

        w.voidTransaction(card, second).value();

        assertEquals(160, bucket(expiring).remaining());
        assertEquals(160, bucket(expiring).issued(), "issued raised to what the bucket holds");
        assertFoldAndInvariants();
    }

    @Test
    void a_topped_up_bucket_expires_as_one() {
        TransactionId expiring = fill();
        w.issueExpiring(card, 50, EXPIRY).value();
        w.clock.set(EXPIRY);

        List<LedgerEntry> swept = w.expire.sweep(BRAND, card).value();

        assertEquals(1, swept.size());
        Change.Take take = assertInstanceOf(Change.Take.class, swept.get(0).posting().changes().get(0));
        assertEquals(expiring, take.slice().source());
        assertEquals(60, take.slice().amount());
        assertEquals(99, w.balance(card));
        assertFoldAndInvariants();
    }
}
