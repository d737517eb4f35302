package io.tally.dynamo.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Pins;
import io.tally.domain.fakes.ForwardingCardLedgerPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.ExpireDueUseCase;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real ledger use cases wired to the DynamoDB adapters on dynalite (cards, ledger, idempotency); the catalogue
 * and the event publisher are the domain's in-memory fakes. The ledger port is wrapped to count lost races.
 */
final class DynamoWorld {
    static final ProgramId PROGRAM = new ProgramId("gift");
    static final CardSetId SET = new CardSetId("set-1");
    static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    static final String PIN_HASH = Pins.hash("1234", new SeededRandom(7));

    final BrandId brand;
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final CardPort cards;
    final CountingLedger ledger;
    final InMemoryConfigStore programs = new InMemoryConfigStore();
    final RecordingEventPublisher events = new RecordingEventPublisher();
    final IssueUseCase issue;
    final RedeemUseCase redeem;
    final HoldUseCase hold;
    final RedeemFromHoldUseCase redeemFromHold;
    final ReleaseHoldUseCase release;
    final VoidUseCase voids;
    final ExpireDueUseCase expire;
    private final SeededRandom random;
    private final AtomicInteger requestRefs = new AtomicInteger();

    DynamoWorld(DynamoTestTable table, BrandId brand, RetryPolicy retry, long seed) {
        this.brand = brand;
        this.random = new SeededRandom(seed);
        DynamoStorage storage = new DynamoStorage(table.client(), table.tableName());
        cards = storage.cards();
        ledger = new CountingLedger(storage.cardLedger());
        programs.saveProgram(new Program(brand, PROGRAM, "Gift", ProgramKind.GIFT));
        programs.saveValueType(new ValueType(brand, PROGRAM, USD, 2, ValueTypeLimits.NONE));
        programs.saveCardSet(new CardSet(brand, SET, PROGRAM, "Set 1", "6036", 19));
        CardLedgerWriter writer = new CardLedgerWriter(cards, ledger, events, clock, random, retry);
        issue = new IssueUseCase(writer, programs);
        redeem = new RedeemUseCase(writer, programs);
        hold = new HoldUseCase(writer, programs);
        redeemFromHold = new RedeemFromHoldUseCase(writer, programs, ledger);
        release = new ReleaseHoldUseCase(redeemFromHold);
        voids = new VoidUseCase(writer, ledger);
        expire = new ExpireDueUseCase(writer);
    }

    MerchantContext context() {
        return new MerchantContext(brand, new LocationId("store-1"), new TerminalId("pos-1"), Optional.empty(), "key-1");
    }

    /** A fresh request, with a customRequestId so the idempotency adapter takes part in every write. */
    RequestInfo info() {
        int n = requestRefs.incrementAndGet();
        return RequestInfo.of("ref-" + n).withCustomRequestId("req-" + Long.toHexString(random.nextLong()) + "-" + n);
    }

    /** A new ACTIVE card of the set (created and allocated through the card adapter). */
    CardNumber activeCard() {
        CardNumber number = new CardNumberGenerator(random).next(programs.cardSet(brand, SET).orElseThrow());
        Card card = Card.unallocated(brand, number, PROGRAM, SET);
        if (cards.create(card) != CardPort.WriteOutcome.WRITTEN
                || cards.allocate(card.activated(PIN_HASH, clock.instant())) != CardPort.WriteOutcome.WRITTEN) {
            throw new IllegalStateException("could not set up card " + number);
        }
        return number;
    }

    /** Every entry of the card, read through the port's own paging. */
    List<LedgerEntry> entries(CardNumber card) {
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

    /** The ledger adapter, counting appends that lost the race for their sequence number. */
    static final class CountingLedger extends ForwardingCardLedgerPort {
        private final AtomicInteger appends = new AtomicInteger();
        private final AtomicInteger conflicts = new AtomicInteger();

        CountingLedger(CardLedgerPort delegate) {
            super(delegate);
        }

        int appends() {
            return appends.get();
        }

        int conflicts() {
            return conflicts.get();
        }

        @Override
        public AppendOutcome append(LedgerEntry next, Optional<LedgerEntry> previous) {
            appends.incrementAndGet();
            AppendOutcome outcome = delegate.append(next, previous);
            if (outcome instanceof AppendOutcome.Conflict) {
                conflicts.incrementAndGet();
            }
            return outcome;
        }
    }
}
