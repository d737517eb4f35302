package io.tally.domain.fakes;

import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.Pins;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.EventRelay;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every use case wired to in-memory fakes, with a brand, a gift program (USD, Points) and a card set. */
public final class TestWorld {
    public static final BrandId BRAND = new BrandId("ACME");
    public static final BrandId OTHER_BRAND = new BrandId("OTHER");
    public static final ProgramId PROGRAM = new ProgramId("gift");
    public static final CardSetId SET = new CardSetId("set-1");
    public static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    public static final ValueTypeKey POINTS = ValueTypeKey.points();
    public static final String PIN = "1234";
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    /** Hashing a PIN is slow on purpose; tests hash the one PIN once. */
    private static final String PIN_HASH = Pins.hash(PIN, new SeededRandom(7));

    public final MutableClock clock = new MutableClock(START);
    public final SeededRandom random;
    public final InMemoryCardPort cards = new InMemoryCardPort();
    public final InMemoryCardLedgerPort ledger = new InMemoryCardLedgerPort();
    public final InMemoryIdempotencyPort idempotency = new InMemoryIdempotencyPort();
    public final RecordingEventPublisher events = new RecordingEventPublisher();
    public final InMemoryConfigStore programs = new InMemoryConfigStore();
    /** Portal configurations: where the brand's customer model (checked by updateAccount) is kept. */
    public final InMemoryMemberStores portals = new InMemoryMemberStores();
    public final CardLedgerWriter writer;
    /** The outbox's periodic drain, as the event-relay job runs it. */
    public final EventRelay relay;
    public final IssueUseCase issue;
    public final RedeemUseCase redeem;
    public final HoldUseCase hold;
    public final RedeemFromHoldUseCase redeemFromHold;
    public final ReleaseHoldUseCase release;
    public final VoidUseCase voids;
    public final ExpireDueUseCase expire;
    public final UpdateAccountUseCase account;
    public final CardQueriesUseCase queries;
    public final AllocateCardUseCase allocate;
    private final CardNumberGenerator numbers;
    private int requestRefs;

    public TestWorld() {
        this(ValueTypeLimits.NONE, RetryPolicy.of(8, Backoff.NONE), 42);
    }

    public TestWorld(ValueTypeLimits usdLimits, RetryPolicy retry, long seed) {
        random = new SeededRandom(seed);
        for (BrandId b : List.of(BRAND, OTHER_BRAND)) {
            programs.saveProgram(new Program(b, PROGRAM, "Gift", ProgramKind.GIFT));
            programs.saveValueType(new ValueType(b, PROGRAM, USD, 2, usdLimits));
            programs.saveValueType(new ValueType(b, PROGRAM, POINTS, 0, ValueTypeLimits.NONE));
            programs.saveCardSet(new CardSet(b, SET, PROGRAM, "Set 1", "6036", 19));
        }
        writer = new CardLedgerWriter(cards, ledger, events, clock, random, retry);
        relay = new EventRelay(ledger, events);
        issue = new IssueUseCase(writer, programs);
        redeem = new RedeemUseCase(writer, programs);
        hold = new HoldUseCase(writer, programs);
        redeemFromHold = new RedeemFromHoldUseCase(writer, programs, ledger);
        release = new ReleaseHoldUseCase(redeemFromHold);
        voids = new VoidUseCase(writer, ledger);
        expire = new ExpireDueUseCase(writer);
        account = new UpdateAccountUseCase(cards, writer, retry, portals, programs);
        queries = new CardQueriesUseCase(cards, ledger, clock);
        allocate = new AllocateCardUseCase(cards, programs, random, clock, AllocateCardUseCase.WhenPoolEmpty.REJECT);
        numbers = new CardNumberGenerator(random);
    }

    public static MerchantContext context() {
        return context(BRAND);
    }

    public static MerchantContext context(BrandId brand) {
        return new MerchantContext(brand, new LocationId("store-1"), new TerminalId("pos-1"), Optional.empty(), "key-1");
    }

    public RequestInfo info() {
        return RequestInfo.of("ref-" + (++requestRefs));
    }

    /** A new UNALLOCATED card of the set, stored. */
    public CardNumber poolCard(BrandId brand) {
        CardSet set = programs.cardSet(brand, SET).orElseThrow();
        CardNumber number = numbers.next(set);
        cards.create(Card.unallocated(brand, number, PROGRAM, SET));
        return number;
    }

    /** A new ACTIVE card with PIN {@link #PIN}, stored. */
    public CardNumber activeCard() {
        return activeCard(BRAND);
    }

    public CardNumber activeCard(BrandId brand) {
        CardNumber number = poolCard(brand);
        Card card = cards.load(brand, number).orElseThrow();
        cards.allocate(card.activated(PIN_HASH, clock.instant()));
        return number;
    }

    public Outcome<BalanceResult> issue(CardNumber card, long amount) {
        return issue.issue(new IssueUseCase.IssueCommand(context(), info(), card, USD, amount, Optional.empty(), false, Optional.empty()));
    }

    public Outcome<BalanceResult> issueExpiring(CardNumber card, long amount, Instant expiresAt) {
        return issue.issue(new IssueUseCase.IssueCommand(context(), info(), card, USD, amount, Optional.of(expiresAt), false, Optional.empty()));
    }

    public Outcome<BalanceResult> issueStoreCredit(CardNumber card, long amount) {
        return issue.issue(new IssueUseCase.IssueCommand(context(), info(), card, USD, amount, Optional.empty(), true, Optional.empty()));
    }

    public Outcome<BalanceResult> redeem(CardNumber card, long amount) {
        return redeem(card, amount, false);
    }

    public Outcome<BalanceResult> redeem(CardNumber card, long amount, boolean maxOnOverdraw) {
        return redeem.redeem(new RedeemUseCase.RedeemCommand(context(), info(), card, USD, amount, maxOnOverdraw, Optional.empty()));
    }

    public Outcome<BalanceResult> hold(CardNumber card, long amount) {
        return hold.hold(new HoldUseCase.HoldCommand(context(), info(), card, USD, amount, Optional.empty(), false, Optional.empty()));
    }

    public Outcome<BalanceResult> redeemFromHold(CardNumber card, TransactionId hold, long amount, boolean releaseRemainder) {
        return redeemFromHold.redeem(new RedeemFromHoldUseCase.RedeemFromHoldCommand(context(), info(), card, USD, hold,
                amount, releaseRemainder, false, Optional.empty()));
    }

    public Outcome<BalanceResult> release(CardNumber card, TransactionId hold) {
        return release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(context(), info(), card, USD, hold, Optional.empty()));
    }

    public Outcome<BalanceResult> voidTransaction(CardNumber card, TransactionId id) {
        return voids.voidTransaction(new VoidUseCase.VoidCommand(context(), info(), Optional.of(card), id));
    }

    public CardState state(CardNumber card) {
        return ledger.head(BRAND, card).map(LedgerEntry::stateAfter).orElse(CardState.EMPTY);
    }

    public long balance(CardNumber card) {
        return state(card).balance(USD).total();
    }

    public long available(CardNumber card) {
        return state(card).balance(USD).available();
    }
}
