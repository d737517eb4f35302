package io.tally.dynamo.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.CardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.model.DemoCheckouts;
import io.tally.domain.model.ModelCheckouts;
import io.tally.domain.model.ModelWorld;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The model check's world on the DynamoDB adapters (cards, ledger, idempotency, coupons, campaign budgets) on dynalite,
 * with checkout (the demo campaigns); the catalogue, the event publisher and the anonymous checkout records (no
 * DynamoDB adapter yet; the check makes card checkouts only) are the domain's fakes, as in {@link DynamoWorld}. One world serves many sequences: its clock only
 * moves forward, because the due index of the sweeper spans the whole table and would otherwise meet cards whose
 * entries lie ahead of the clock.
 */
final class DynamoModelWorld implements ModelWorld {
    private final BrandId brand;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final SeededRandom random;
    private final CardPort cards;
    private final CrashingLedger ledger;
    private final InMemoryConfigStore programs = new InMemoryConfigStore();
    private final IssueUseCase issue;
    private final RedeemUseCase redeem;
    private final HoldUseCase hold;
    private final RedeemFromHoldUseCase redeemFromHold;
    private final ReleaseHoldUseCase release;
    private final VoidUseCase voids;
    private final AdjustUseCase adjust;
    private final ExpireDueUseCase expire;
    private final SweepDueCardsUseCase sweeper;
    private final CardQueriesUseCase queries;
    private final DemoCheckouts checkouts;

    DynamoModelWorld(DynamoTestTable table, BrandId brand, long seed) {
        this.brand = brand;
        this.random = new SeededRandom(seed);
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        cards = storage.cards();
        ledger = new CrashingLedger(storage.cardLedger());
        programs.saveProgram(new Program(brand, DynamoWorld.PROGRAM, "Gift", ProgramKind.GIFT));
        programs.saveValueType(new ValueType(brand, DynamoWorld.PROGRAM, USD, 2, ValueTypeLimits.NONE));
        programs.saveCardSet(new CardSet(brand, DynamoWorld.SET, DynamoWorld.PROGRAM, "Set 1", "6036", 19));
        CardLedgerWriter writer = new CardLedgerWriter(cards, ledger, new RecordingEventPublisher(),
                clock, random, RetryPolicy.of(8, Backoff.NONE));
        issue = new IssueUseCase(writer, programs);
        redeem = new RedeemUseCase(writer, programs);
        hold = new HoldUseCase(writer, programs);
        redeemFromHold = new RedeemFromHoldUseCase(writer, programs, ledger);
        release = new ReleaseHoldUseCase(redeemFromHold);
        voids = new VoidUseCase(writer, ledger);
        adjust = new AdjustUseCase(writer, programs);
        expire = new ExpireDueUseCase(writer);
        sweeper = new SweepDueCardsUseCase(ledger, expire);
        queries = new CardQueriesUseCase(cards, ledger, clock);
        checkouts = new DemoCheckouts(brand, DynamoWorld.PROGRAM, programs, writer, voids, cards, ledger, storage.coupons(),
                storage.campaignBudget(), clock, random);
    }

    @Override
    public Optional<ModelCheckouts> checkouts() {
        return Optional.of(checkouts);
    }

    @Override
    public BrandId brand() {
        return brand;
    }

    @Override
    public MerchantContext context() {
        return new MerchantContext(brand, new LocationId("store-1"), new TerminalId("pos-1"), Optional.empty(), "key-1");
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public CardNumber activeCard() {
        CardNumber number = new CardNumberGenerator(random).next(programs.cardSet(brand, DynamoWorld.SET).orElseThrow());
        Card card = Card.unallocated(brand, number, DynamoWorld.PROGRAM, DynamoWorld.SET);
        if (cards.create(card) != CardPort.WriteOutcome.WRITTEN
                || cards.allocate(card.activated(DynamoWorld.PIN_HASH, clock.instant())) != CardPort.WriteOutcome.WRITTEN) {
            throw new IllegalStateException("could not set up card " + number);
        }
        return number;
    }

    @Override
    public IssueUseCase issue() {
        return issue;
    }

    @Override
    public RedeemUseCase redeem() {
        return redeem;
    }

    @Override
    public HoldUseCase hold() {
        return hold;
    }

    @Override
    public RedeemFromHoldUseCase redeemFromHold() {
        return redeemFromHold;
    }

    @Override
    public ReleaseHoldUseCase release() {
        return release;
    }

    @Override
    public VoidUseCase voids() {
        return voids;
    }

    @Override
    public AdjustUseCase adjust() {
        return adjust;
    }

    @Override
    public CardPort cards() {
        return cards;
    }

    @Override
    public ExpireDueUseCase expire() {
        return expire;
    }

    @Override
    public SweepDueCardsUseCase sweeper() {
        return sweeper;
    }

    @Override
    public CardQueriesUseCase queries() {
        return queries;
    }

    /** Every entry of the card, read through the port's own paging. */
    @Override
    public List<LedgerEntry> entries(CardNumber card) {
        List<LedgerEntry> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            HistoryPage page = ledger.history(brand, card, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"),
                    CardLedgerPort.MAX_PAGE, cursor);
            all.addAll(page.entries());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    @Override
    public void crashAfterAppending(Predicate<LedgerEntry> which) {
        ledger.crashAfterAppending(which);
    }
}
