package io.tally.domain.model;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.MutableClock;
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
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.MerchantContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The real ledger use cases on some storage, as the model check drives them: the in-memory fakes
 * ({@link InMemoryModelWorld}) or the DynamoDB adapters on dynalite (adapters-dynamo's DynamoModelWorld), so that one
 * runner and one model check both. The world has a gift program with {@link #USD} and no limits.
 */
public interface ModelWorld {
    ValueTypeKey USD = ValueTypeKey.currency("USD");

    BrandId brand();

    MerchantContext context();

    /** The clock every use case reads; the runner moves it. */
    MutableClock clock();

    /** A new active card of the brand. */
    CardNumber activeCard();

    IssueUseCase issue();

    RedeemUseCase redeem();

    HoldUseCase hold();

    RedeemFromHoldUseCase redeemFromHold();

    ReleaseHoldUseCase release();

    VoidUseCase voids();

    ExpireDueUseCase expire();

    /** The back office's adjust on this world's ledger. */
    AdjustUseCase adjust();

    /** The cards' profiles (the back office switches a card off and on through them). */
    CardPort cards();

    SweepDueCardsUseCase sweeper();

    CardQueriesUseCase queries();

    /** Every entry of the card, in sequence order. */
    List<LedgerEntry> entries(CardNumber card);

    /**
     * From now on the process dies ({@link Crash}) right after the ledger stores an entry that
     * matches; {@code e -> false} turns this off.
     */
    void crashAfterAppending(Predicate<LedgerEntry> which);

    /** Checkout on this world, if it has it: then the check adds checkouts, completions and their voids to its steps. */
    default Optional<ModelCheckouts> checkouts() {
        return Optional.empty();
    }
}
