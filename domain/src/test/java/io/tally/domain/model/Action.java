package io.tally.domain.model;

import io.tally.domain.campaign.Basket;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.shared.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A step resolved against the state of the moment: exactly what both the code and the model are asked to do. */
sealed interface Action {
    /** A merchant's ledger call on one card, asked of the code (through its use cases) or of the model alike. */
    sealed interface Operation extends Action {
        int card();

        Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info);

        Answer onModel(CardModel m, Instant t, String id);

        /** The type of the operation's own ledger entry. */
        EntryType entryType();
    }

    record Issue(int card, long amount, Optional<Instant> expiry, boolean storeCredit) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.issue().issue(new IssueUseCase.IssueCommand(w.context(), info, card, ModelWorld.USD, amount, expiry,
                    storeCredit, Optional.empty()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.issue(t, id, amount, expiry, storeCredit);
        }

        @Override
        public EntryType entryType() {
            return EntryType.ISSUE;
        }
    }

    record Redeem(int card, long amount, boolean maxOnOverdraw) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.redeem().redeem(new RedeemUseCase.RedeemCommand(w.context(), info, card, ModelWorld.USD, amount,
                    maxOnOverdraw, Optional.empty()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.redeem(t, id, amount, maxOnOverdraw);
        }

        @Override
        public EntryType entryType() {
            return EntryType.REDEEM;
        }
    }

    record Hold(int card, long amount, Optional<Instant> lapse, boolean maxOnOverdraw) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.hold().hold(new HoldUseCase.HoldCommand(w.context(), info, card, ModelWorld.USD, amount, lapse,
                    maxOnOverdraw, Optional.empty()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.hold(t, id, amount, lapse, maxOnOverdraw);
        }

        @Override
        public EntryType entryType() {
            return EntryType.HOLD;
        }
    }

    record Capture(int card, String hold, long amount, boolean releaseRemainder, boolean maxOnOverdraw)
            implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.redeemFromHold().redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(w.context(), info, card,
                    ModelWorld.USD, new TransactionId(hold), amount, releaseRemainder, maxOnOverdraw, Optional.empty()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.capture(t, id, hold, amount, releaseRemainder, maxOnOverdraw);
        }

        @Override
        public EntryType entryType() {
            return EntryType.REDEEM;
        }
    }

    record Release(int card, String hold) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.release().release(new ReleaseHoldUseCase.ReleaseHoldCommand(w.context(), info, card, ModelWorld.USD,
                    new TransactionId(hold), Optional.empty()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.release(t, id, hold);
        }

        @Override
        public EntryType entryType() {
            return EntryType.RELEASE;
        }
    }

    /** Voids go through the checkout's void where the world has checkouts, so that a voided checkout's coupons come back. */
    record Void(int card, String target) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            VoidUseCase.VoidCommand c = new VoidUseCase.VoidCommand(w.context(), info, Optional.of(card), new TransactionId(target));
            return w.checkouts().map(k -> k.checkout().voidCardTransaction(c)).orElseGet(() -> w.voids().voidTransaction(c));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.voidTransaction(t, id, target);
        }

        @Override
        public EntryType entryType() {
            return EntryType.VOID;
        }
    }

    /** A checkout on the card: a basket, maybe a SPRING coupon, maybe USD paid from the card, maybe a setup. */
    record Checkout(int card, List<CheckoutModel.Line> basket, Optional<String> coupon, long redeem, boolean setup)
            implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            List<Basket.Line> lines = basket.stream().map(l -> new Basket.Line(l.sku(), BigDecimal.valueOf(l.quantity()),
                    BigDecimal.valueOf(l.unitPrice(), 2))).toList();
            BigDecimal total = lines.stream().map(Basket.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<CheckoutUseCase.Redemption> redemptions = redeem == 0 ? List.of()
                    : List.of(new CheckoutUseCase.Redemption(ModelWorld.USD, BigDecimal.valueOf(redeem, 2)));
            return checkout(w, card, new CheckoutUseCase.CheckoutCommand(w.context(), info, Optional.of(card), Optional.empty(),
                    new Basket(lines, total), coupon.stream().map(CouponCode::new).toList(), redemptions, setup, Optional.empty(),
                    "checkout|" + card.value() + "|" + this));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.checkouts().checkout(t, id, basket, coupon, redeem, setup);
        }

        @Override
        public EntryType entryType() {
            return EntryType.CHECKOUT;
        }
    }

    /** Completes a setup (the second stage of a two-stage checkout). */
    record Complete(int card, String setup) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return checkout(w, card, new CheckoutUseCase.CheckoutCommand(w.context(), info, Optional.of(card), Optional.empty(),
                    new Basket(List.of(), BigDecimal.ZERO), List.of(), List.of(), false, Optional.of(new TransactionId(setup)),
                    "complete|" + card.value() + "|" + setup));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.checkouts().complete(t, id, setup);
        }

        @Override
        public EntryType entryType() {
            return EntryType.CHECKOUT;
        }
    }

    /** The checkout's answer as a balance call's: its CHECKOUT entry, read back from the card's ledger. */
    private static Outcome<BalanceResult> checkout(ModelWorld w, CardNumber card, CheckoutUseCase.CheckoutCommand c) {
        return w.checkouts().orElseThrow().checkout().checkout(c).map(r -> {
            LedgerEntry entry = w.entries(card).stream().filter(e -> e.transactionId().equals(r.transactionId()))
                    .findFirst().orElseThrow(() -> new AssertionError("checkout " + r.transactionId() + " has no entry"));
            return new BalanceResult(entry, r.replayed());
        });
    }

    /** The back office's signed correction (an adjustment); keyed by the customRequestId, or by the requestRef. */
    record Adjust(int card, long amount) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            String key = info.customRequestId().orElse(info.requestRef());
            return w.adjust().adjust(new AdjustUseCase.AdjustCommand(w.brand(), card, ModelWorld.USD, amount, "model check",
                    key, info.requestRef()));
        }

        @Override
        public Answer onModel(CardModel m, Instant t, String id) {
            return m.adjust(t, id, amount);
        }

        @Override
        public EntryType entryType() {
            return EntryType.ADJUST;
        }
    }

    /** The back office switches the card off, or back on (one conditional card write). */
    record Switch(int card, boolean on) implements Action {
    }

    record Advance(Duration by) implements Action {
    }

    record SweepCard(int card) implements Action {
    }

    record SweepAll() implements Action {
    }
}
