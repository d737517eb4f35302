package io.tally.domain.communication.rule;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardPort.NumberRange;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.rule.RuleFiring.Fired;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The daily job's part of the rules: birthdays, enrollment anniversaries and N days without a visit. Which cards a day
 * fires for is a function of the cards' data and the day alone: an occasion fires on any day from its date to
 * {@link #CATCH_UP_DAYS} after it, under a trigger id that names the occasion ({@code birthday-<card>-<year>},
 * {@code anniversary-<card>-<year>}, {@code lapsed-<card>-<date of the last activity>}), so a job that runs twice sends
 * nothing twice and one that ran a few days late still sends. Dates are UTC days; a 29 February falls on 28 February in
 * other years. The brand's handed-out cards are walked by key (A59 per card set, never a scan); the last visit is the
 * card's ledger statistics (A74, read only when a brand has a lapse rule).
 */
public final class DateRulesUseCase {
    /** Days after an occasion on which the job still fires it (the job stopped, or failed for a brand). */
    public static final int CATCH_UP_DAYS = 7;

    private final RuleFiring firing;
    private final BrandSetupReadPort setup;
    private final CardPort cards;
    private final CardStatsPort stats;

    public DateRulesUseCase(RuleFiring firing, BrandSetupReadPort setup, CardPort cards, CardStatsPort stats) {
        this.firing = firing;
        this.setup = setup;
        this.cards = cards;
        this.stats = stats;
    }

    /** What one run did for a brand: cards looked at, rules fired (sends queued or kept until due). */
    public record Run(long cards, long fired) {
    }

    public Run run(BrandId brand, LocalDate today) {
        List<Rule> rules = firing.rules(brand).stream().filter(r -> r.active() && r.trigger().dateBased()).toList();
        if (rules.isEmpty()) {
            return new Run(0, 0);
        }
        boolean lapses = rules.stream().anyMatch(r -> r.trigger() instanceof Trigger.Lapsed);
        long seen = 0;
        long fired = 0;
        List<CardSetId> sets = setup.cardSets(brand).stream().map(CardSet::id)
                .sorted(Comparator.comparing(CardSetId::value)).toList();
        for (CardSetId set : sets) {
            Optional<CardNumber> after = Optional.empty();
            do {
                CardPort.CardPage page = cards.allocatedInCardSet(brand, set, NumberRange.ALL, after, CardPort.MAX_PAGE);
                for (Card card : page.cards()) {
                    seen++;
                    Optional<Instant> lastVisit = lapses ? stats.ledgerStats(brand, card.number())
                            .flatMap(CardLedgerStats::lastTransactionAt) : Optional.empty();
                    for (Rule rule : rules) {
                        Optional<Fired> f = occasion(rule.trigger(), card, lastVisit, today);
                        if (f.isPresent()) {
                            firing.fire(rule, f.get());
                            fired++;
                        }
                    }
                }
                after = page.next();
            } while (after.isPresent());
        }
        return new Run(seen, fired);
    }

    /** The occasion of a date trigger a card has on {@code today} (within the catch-up days), if any. */
    static Optional<Fired> occasion(Trigger trigger, Card card, Optional<Instant> lastVisit, LocalDate today) {
        if (trigger instanceof Trigger.Birthday) {
            return card.primaryCustomer().map(Customer::birthDate).flatMap(b -> yearly("birthday", b, card, today));
        }
        if (trigger instanceof Trigger.Anniversary) {
            return card.enrolledAt().flatMap(e -> yearly("anniversary", day(e), card, today));
        }
        if (trigger instanceof Trigger.Lapsed l) {
            Optional<LocalDate> last = lastVisit.or(card::enrolledAt).map(DateRulesUseCase::day);
            return last.filter(d -> recent(d.plusDays(l.days()), today))
                    .map(d -> fired("lapsed-" + card.number().value() + "-" + d, d.plusDays(l.days()), card));
        }
        return Optional.empty();
    }

    /** This year's or last year's date of a yearly occasion, if it is recent and after the date it recalls. */
    private static Optional<Fired> yearly(String kind, LocalDate origin, Card card, LocalDate today) {
        for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
            LocalDate date = MonthDay.from(origin).atYear(year);
            if (date.isAfter(origin) && recent(date, today)) {
                return Optional.of(fired(kind + "-" + card.number().value() + "-" + year, date, card));
            }
        }
        return Optional.empty();
    }

    private static boolean recent(LocalDate date, LocalDate today) {
        return !date.isAfter(today) && !date.isBefore(today.minusDays(CATCH_UP_DAYS));
    }

    private static Fired fired(String id, LocalDate date, Card card) {
        return new Fired(id, card.number(), date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                card.owningLocation().map(LocationId::value), Optional.empty());
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
