package io.tally.domain.model;

import io.tally.domain.card.CardNumber;
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
import java.time.Duration;
import java.time.Instant;
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

    record Void(int card, String target) implements Operation {
        @Override
        public Outcome<BalanceResult> onCode(ModelWorld w, CardNumber card, RequestInfo info) {
            return w.voids().voidTransaction(new VoidUseCase.VoidCommand(w.context(), info, Optional.of(card),
                    new TransactionId(target)));
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

    record Advance(Duration by) implements Action {
    }

    record SweepCard(int card) implements Action {
    }

    record SweepAll() implements Action {
    }
}
