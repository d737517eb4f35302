package io.tally.domain.model;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryCampaignBudgetPort;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.card.CardPort;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.MerchantContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The model check's world on the in-memory fakes: a fresh {@link TestWorld} per sequence, with checkout. */
public final class InMemoryModelWorld implements ModelWorld {
    private final TestWorld w = new TestWorld(ValueTypeLimits.NONE, RetryPolicy.of(8, Backoff.NONE), 42);
    private final AdjustUseCase adjust = new AdjustUseCase(w.writer, w.programs);
    private final SweepDueCardsUseCase sweeper = new SweepDueCardsUseCase(w.ledger, w.expire);
    private final DemoCheckouts checkouts = new DemoCheckouts(TestWorld.BRAND, TestWorld.PROGRAM, w.programs, w.writer, w.voids,
            w.cards, w.ledger, new InMemoryCouponPort(), new InMemoryCampaignBudgetPort(), w.clock, w.random);

    @Override
    public Optional<ModelCheckouts> checkouts() {
        return Optional.of(checkouts);
    }

    @Override
    public BrandId brand() {
        return TestWorld.BRAND;
    }

    @Override
    public MerchantContext context() {
        return TestWorld.context();
    }

    @Override
    public MutableClock clock() {
        return w.clock;
    }

    @Override
    public CardNumber activeCard() {
        return w.activeCard();
    }

    @Override
    public IssueUseCase issue() {
        return w.issue;
    }

    @Override
    public RedeemUseCase redeem() {
        return w.redeem;
    }

    @Override
    public HoldUseCase hold() {
        return w.hold;
    }

    @Override
    public RedeemFromHoldUseCase redeemFromHold() {
        return w.redeemFromHold;
    }

    @Override
    public ReleaseHoldUseCase release() {
        return w.release;
    }

    @Override
    public VoidUseCase voids() {
        return w.voids;
    }

    @Override
    public AdjustUseCase adjust() {
        return adjust;
    }

    @Override
    public CardPort cards() {
        return w.cards;
    }

    @Override
    public ExpireDueUseCase expire() {
        return w.expire;
    }

    @Override
    public SweepDueCardsUseCase sweeper() {
        return sweeper;
    }

    @Override
    public CardQueriesUseCase queries() {
        return w.queries;
    }

    @Override
    public List<LedgerEntry> entries(CardNumber card) {
        return w.ledger.all(TestWorld.BRAND, card);
    }

    @Override
    public void crashAfterAppending(Predicate<LedgerEntry> which) {
        w.ledger.crashAfterAppending(which);
    }
}
