package io.tally.domain.report.export;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardPort.NumberRange;
import io.tally.domain.card.Customer;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.Settlement;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every handed-out card's balances as of the moment its shard is written: the card's ledger head brought to then, as
 * the merchant balance check answers. One row per card and value type it holds (a card without balances has one row
 * without amounts); amounts are decimals in the scale the card's program gives the value type. The report's period
 * does not apply; the location filter and a manager's scope keep the cards used at those locations
 * ({@link CardLocationsPort}), the program filter the cards of that program.
 *
 * <p>Every card set is cut into as many ranges of card numbers as the report has shards: block {@code b} of the
 * {@value NumberRange#SLICES} {@link NumberRange#slices} of its prefix (its cards' random digits spread them evenly),
 * written by shard {@code (hash(set) + b) mod shards}. So every card is in exactly one shard whatever card sets were
 * set up since the request, a big card set is spread over every shard, and a shard walks one range per card set. The
 * request decides the shards: one per card set that fits in one page, {@value NumberRange#SLICES} per bigger one, at
 * most {@link Report#MAX_SHARDS}. A shard walks each of its ranges in card number order a page at a time
 * ({@link CardPort#allocatedInCardSet}, A59) and reads each card's head (one query) and locations (one read): it never
 * holds more than a page, and writes the same cards on every attempt.
 */
public final class BalanceRows implements ReportRows {
    private static final List<String> HEADER = List.of("cardNumber", "customCardNumber", "cardSet", "program",
            "balanceType", "balanceCode", "balance", "held", "available", "status", "locations", "activatedAt",
            "lastActivityAt", "customerName", "customerEmail", "asOf");
    private final BrandSetupReadPort setup;
    private final LoadProgramsPort programs;
    private final CardPort cards;
    private final CardLedgerPort ledger;
    private final CardLocationsPort locations;
    private final Clock clock;

    public BalanceRows(BrandSetupReadPort setup, LoadProgramsPort programs, CardPort cards, CardLedgerPort ledger,
                       CardLocationsPort locations, Clock clock) {
        this.setup = setup;
        this.programs = programs;
        this.cards = cards;
        this.ledger = ledger;
        this.locations = locations;
        this.clock = clock;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    /** One shard per card set of one page (A59's first page tells), {@value NumberRange#SLICES} per bigger one. */
    @Override
    public int shards(BrandId brand, ReportFilters filters, ZoneId zone) {
        return shards(setup, cards, brand, filters);
    }

    /** The shards of a walk over every handed-out card (also the direct mail export's, {@link DirectMailRows}). */
    static int shards(BrandSetupReadPort setup, CardPort cards, BrandId brand, ReportFilters filters) {
        long wanted = cardSets(setup, brand, filters).mapToLong(s -> cards.allocatedInCardSet(brand, s.id(),
                NumberRange.ALL, Optional.empty(), CardPort.MAX_PAGE).next().isPresent() ? NumberRange.SLICES : 1).sum();
        return (int) Math.max(1, Math.min(Report.MAX_SHARDS, wanted));
    }

    @Override
    public void write(Report report, int shard, ZoneId zone, CsvOut out) {
        Map<String, ValueType> scales = new HashMap<>();
        programs.catalogue(report.brand()).valueTypes()
                .forEach(v -> scales.put(v.program().value() + "|" + v.key().asText(), v));
        cardSets(setup, report.brand(), report.filters())
                .forEach(set -> walk(report, set.id(), rangeOf(set, shard, report.shards()), scales, out));
    }

    /** The card numbers of a card set that shard {@code shard} writes: the same for every attempt and card set list. */
    static NumberRange rangeOf(CardSet set, int shard, int shards) {
        if (shards < 1 || shards > NumberRange.SLICES) {
            throw new IllegalArgumentException("1.." + NumberRange.SLICES + " shards");
        }
        int block = (int) Math.floorMod((long) shard - set.id().value().hashCode(), shards);
        List<NumberRange> slices = NumberRange.slices(set.cardNumberPrefix());
        int first = block * NumberRange.SLICES / shards;
        int last = (block + 1) * NumberRange.SLICES / shards - 1;
        return new NumberRange(slices.get(first).from(), slices.get(last).through());
    }

    /** The card sets a walk covers, in a fixed order. */
    static Stream<CardSet> cardSets(BrandSetupReadPort setup, BrandId brand, ReportFilters filters) {
        return setup.cardSets(brand).stream().filter(s -> filters.admitsProgram(Optional.of(s.program().value())))
                .sorted(Comparator.comparing(s -> s.id().value()));
    }

    private void walk(Report report, CardSetId cardSet, NumberRange range, Map<String, ValueType> scales, CsvOut out) {
        ReportFilters f = report.filters();
        Optional<CardNumber> after = Optional.empty();
        do {
            CardPort.CardPage page = cards.allocatedInCardSet(report.brand(), cardSet, range, after, CardPort.MAX_PAGE);
            for (Card card : page.cards()) {
                if (!f.admitsProgram(Optional.of(card.program().value()))) {
                    continue;
                }
                Set<LocationId> at = locations.locations(report.brand(), card.number());
                if (f.admitsAny(at)) {
                    rows(card, at, scales, out);
                }
            }
            after = page.next();
        } while (after.isPresent());
    }

    private void rows(Card card, Set<LocationId> at, Map<String, ValueType> scales, CsvOut out) {
        Instant now = clock.instant();
        Optional<LedgerEntry> head = ledger.head(card.brand(), card.number());
        Instant asOf = head.map(h -> now.isBefore(h.time()) ? h.time() : now).orElse(now);
        CardState state = head.map(h -> Settlement.settled(h, asOf)).orElse(CardState.EMPTY);
        String places = at.stream().map(LocationId::value).sorted().collect(Collectors.joining(" "));
        String last = head.map(h -> h.time().toString()).orElse("");
        if (state.balances().isEmpty()) {
            out.row(fields(card, List.of("", "", "", "", ""), places, last, asOf));
        }
        for (Balance b : state.balanceList()) {
            ValueTypeKey key = b.key();
            Optional<ValueType> type = Optional.ofNullable(scales.get(card.program().value() + "|" + key.asText()));
            out.row(fields(card, List.of(key.type().wireName(), key.code() == null ? "" : key.code(),
                    decimal(type, key, b.total()), decimal(type, key, b.held()), decimal(type, key, b.spendable(asOf))),
                    places, last, asOf));
        }
    }

    /** The wire's decimal form; a value type the program no longer has in its key's usual scale. */
    private static String decimal(Optional<ValueType> type, ValueTypeKey key, long minor) {
        return type.map(t -> t.format(minor))
                .orElseGet(() -> DecimalAmounts.toDecimal(minor, key.defaultScale()).toPlainString());
    }

    private static List<String> fields(Card card, List<String> amounts, String places, String last, Instant asOf) {
        Optional<Customer> holder = card.primaryCustomer();
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(card.number().value());
        f.add(card.customCardNumber().orElse(""));
        f.add(card.cardSet().value());
        f.add(card.program().value());
        f.addAll(amounts);
        f.add(card.status().name());
        f.add(places);
        f.add(card.activatedAt().map(Instant::toString).orElse(""));
        f.add(last);
        f.add(holder.map(BalanceRows::name).orElse(""));
        f.add(holder.map(Customer::email).orElse(""));
        f.add(asOf.toString());
        return f;
    }

    private static String name(Customer c) {
        return Stream.of(c.firstName(), c.lastName()).filter(n -> n != null).collect(Collectors.joining(" "));
    }
}
