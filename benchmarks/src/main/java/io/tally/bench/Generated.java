package io.tally.bench;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.fakes.InMemoryCardLedgerPort;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.RedeemFromHoldUseCase;
import io.tally.domain.ledger.RedeemUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Large data made by the real domain rules, in memory, for the batch path to store: cards of the bench
 * brand with a customer e-mail each, and a card with a long history (one issue, then 1-cent redeems, one
 * second apart, by the same use cases the handler runs). Deterministic: numbers derive from an index.
 */
final class Generated {
    static final BrandId BRAND = new BrandId(BenchWorld.BRAND);
    static final ProgramId GIFT = new ProgramId("GIFT");
    static final CardSetId SET = new CardSetId("SCALE01");
    static final ValueTypeKey USD = ValueTypeKey.currency("USD");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String PIN_HASH = io.tally.domain.card.Pins.hash("0000", new SeededRandom(1));

    private Generated() {
    }

    /** Card number {@code 71} + the index on 13 digits + the Luhn digit: unique, valid, in card set SCALE01. */
    static CardNumber number(long index) {
        String payload = "71" + String.format("%013d", index);
        return new CardNumber(payload + CardNumber.luhnCheckDigit(payload));
    }

    static String email(long index) {
        return "c" + index + "@bench.example";
    }

    /** An ACTIVE card whose primary customer has {@link #email}. */
    static Card card(long index) {
        Customer customer = new Customer("Card", "Holder" + index, email(index), null, null, null, null, null, null,
                null, null, null);
        return Card.unallocated(BRAND, number(index), GIFT, SET).activated(PIN_HASH, START)
                .withProfile(Optional.empty(), Optional.of(customer), Optional.empty(), Map.of(), Map.of(), Map.of(),
                        Optional.empty());
    }

    /**
     * A card for the sweeper figure: 1,000.00 that never expires; {@code superseded} holds of 0.01, each lapsing a
     * second earlier than the one before and released at once (every hold's entry names a new due instant, and every
     * one of those names is superseded); then 1.00 that expires a day after {@link #START}, so the card is due then.
     */
    static History dueHistory(long index, int superseded) {
        Maker m = new Maker(index);
        IssueUseCase issue = new IssueUseCase(m.writer, m.programs);
        issue.issue(new IssueUseCase.IssueCommand(m.context, RequestInfo.of("gen-0"), m.card.number(), USD, 100_000L,
                Optional.empty(), false, Optional.empty())).value();
        HoldUseCase hold = new HoldUseCase(m.writer, m.programs);
        ReleaseHoldUseCase release = new ReleaseHoldUseCase(new RedeemFromHoldUseCase(m.writer, m.programs, m.ledger));
        for (int i = 0; i < superseded; i++) {
            m.clock.advance(Duration.ofMillis(10));
            TransactionId held = hold.hold(new HoldUseCase.HoldCommand(m.context, RequestInfo.of("gen-h" + i), m.card.number(),
                    USD, 1, Optional.of(START.plus(Duration.ofHours(1)).minusSeconds(i)), false, Optional.empty()))
                    .value().transactionId();
            release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(m.context, RequestInfo.of("gen-r" + i), m.card.number(),
                    USD, held, Optional.empty())).value();
        }
        m.clock.advance(Duration.ofMillis(10));
        issue.issue(new IssueUseCase.IssueCommand(m.context, RequestInfo.of("gen-e"), m.card.number(), USD, 100L,
                Optional.of(START.plus(Duration.ofDays(1))), false, Optional.empty())).value();
        return m.history();
    }

    /** A card and its {@code entries} ledger entries: one issue of 1,000,000.00, then 1-cent redeems. */
    record History(Card card, List<LedgerEntry> entries) {
    }

    static History history(long index, int entries) {
        Maker m = new Maker(index);
        new IssueUseCase(m.writer, m.programs).issue(new IssueUseCase.IssueCommand(m.context, RequestInfo.of("gen-0"),
                m.card.number(), USD, 100_000_000L, Optional.empty(), false, Optional.empty())).value();
        RedeemUseCase redeem = new RedeemUseCase(m.writer, m.programs);
        for (int i = 1; i < entries; i++) {
            m.clock.advance(Duration.ofSeconds(1));
            redeem.redeem(new RedeemUseCase.RedeemCommand(m.context, RequestInfo.of("gen-" + i), m.card.number(), USD, 1,
                    false, Optional.empty())).value();
        }
        return m.history();
    }

    /** One card of the bench brand on in-memory ports, with the real writer: what a generated history is made with. */
    private static final class Maker {
        private final InMemoryConfigStore programs = new InMemoryConfigStore();
        private final InMemoryCardPort cards = new InMemoryCardPort();
        private final InMemoryCardLedgerPort ledger = new InMemoryCardLedgerPort();
        private final MutableClock clock = new MutableClock(START);
        private final MerchantContext context = new MerchantContext(BRAND, new LocationId(BenchWorld.LOCATION),
                new TerminalId(BenchWorld.TERMINAL), Optional.empty(), BenchWorld.KEY);
        private final CardLedgerWriter writer;
        private final Card card;

        Maker(long index) {
            programs.saveProgram(new Program(BRAND, GIFT, "Gift cards", ProgramKind.GIFT));
            programs.saveValueType(new ValueType(BRAND, GIFT, USD, 2, ValueTypeLimits.NONE));
            writer = new CardLedgerWriter(cards, ledger, events -> {
            }, clock, new SeededRandom(index), RetryPolicy.of(1, Backoff.NONE));
            card = card(index);
            cards.create(card);
        }

        History history() {
            return new History(cards.load(BRAND, card.number()).orElseThrow(), ledger.all(BRAND, card.number()));
        }
    }
}
