package io.tally.domain.communication.rule;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.Customer;
import io.tally.domain.card.walk.CardWalk;
import io.tally.domain.communication.rule.RuleFiring.Fired;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The periodic job's part of the rules: birthdays, enrollment anniversaries and N days without a visit, in the days of
 * the brand's zone (its checkout configuration's), carried across invocations by a persisted run ({@link DateRun},
 * {@link DateRunsPort}). A brand has one run per local day: it fires the occasions dated from the day after the
 * previous run's day (the days the job missed are caught up, at most {@link #CATCH_UP_DAYS} back) to its own day, for
 * every handed-out card ({@link CardWalk}: A59 pages, never a scan; the last visit from the card's ledger statistics,
 * A74, read only when the brand has a lapse rule). Each invocation goes on from the stored cursor for at most
 * {@code pageBudget} pages, and each page ends with ONE write of the run conditional on the version read; a page is
 * walked again after a crash, which fires the same trigger ids, so the same message ids (the sender claims each once,
 * A23). An overlapping invocation whose write loses stops. A run in progress is finished before the next begins.
 *
 * <p>Occasions and their trigger ids, each a function of the card's data and the local date alone (a second run, or a
 * page walked twice, fires nothing new): the birthday ({@code birthday-<card>-<year>}, the primary customer's birth
 * date; a 29 February falls on 28 February in other years), the enrollment anniversary
 * ({@code anniversary-<card>-<year>}), and the day N days after the last visit (else the enrollment) without another
 * ({@code lapsed-<card>-<local date of the last visit>}). An occasion fires only on a day after the card's enrollment
 * day (so a card handed out during a run has none in it, wherever the cursor was). The card's data is as the run read
 * it when it reached the card.
 */
public final class DateRulesUseCase {
    /** Days before a run's own day whose occasions it still fires when the job missed them (stopped, or failed). */
    public static final int CATCH_UP_DAYS = 7;
    /** Cards per page (one A59 query). */
    public static final int PAGE = CardPort.MAX_PAGE;

    private final RuleFiring firing;
    private final CardWalk walk;
    private final CardStatsPort stats;
    private final DateRunsPort runs;
    private final Function<BrandId, ZoneId> zones;
    private final int pageSize;

    /**
     * @param zones a brand's zone (its checkout configuration's), whose days the occasions are dated in
     */
    public DateRulesUseCase(RuleFiring firing, BrandSetupReadPort setup, CardPort cards, CardStatsPort stats,
                            DateRunsPort runs, Function<BrandId, ZoneId> zones) {
        this(firing, setup, cards, stats, runs, zones, PAGE);
    }

    /** With pages of {@code pageSize} cards (1..100; tests walk small brands over many pages). */
    public DateRulesUseCase(RuleFiring firing, BrandSetupReadPort setup, CardPort cards, CardStatsPort stats,
                            DateRunsPort runs, Function<BrandId, ZoneId> zones, int pageSize) {
        if (pageSize < 1 || pageSize > CardPort.MAX_PAGE) {
            throw new IllegalArgumentException("pageSize 1.." + CardPort.MAX_PAGE);
        }
        this.firing = firing;
        this.walk = new CardWalk(setup, cards);
        this.stats = stats;
        this.runs = runs;
        this.zones = zones;
        this.pageSize = pageSize;
    }

    /**
     * What one invocation did for the brand: the run as it left it (empty only if none could be read or started), pages
     * walked, rules fired by them, and whether another invocation moved the run on meanwhile (this one then stopped).
     */
    public record Progress(Optional<DateRun> run, int pages, long fired, boolean overtaken) {
    }

    /**
     * Goes on with the brand's run for at most {@code pageBudget} pages, starting the run of the brand's local date at
     * {@code now} when the stored one is done and of an earlier day. A brand done for the day costs one read.
     */
    public Progress run(BrandId brand, Instant now, int pageBudget) {
        if (pageBudget < 1) {
            throw new IllegalArgumentException("pageBudget >= 1");
        }
        ZoneId zone = zones.apply(brand);
        LocalDate today = LocalDate.ofInstant(now, zone);
        Optional<DateRun> stored = runs.find(brand);
        DateRun run;
        if (stored.isEmpty() || stored.get().done() && stored.get().day().isBefore(today)) {
            run = DateRun.start(brand, today, now, stored);
            if (!runs.save(run)) {
                return new Progress(runs.find(brand), 0, 0, true);
            }
        } else {
            run = stored.get();
        }
        if (run.done()) {
            return new Progress(Optional.of(run), 0, 0, false);
        }
        List<Rule> rules = firing.rules(brand).stream().filter(r -> r.active() && r.trigger().dateBased()).toList();
        if (rules.isEmpty()) {
            DateRun closed = run.closed(now);
            return runs.save(closed) ? new Progress(Optional.of(closed), 0, 0, false)
                    : new Progress(runs.find(brand), 0, 0, true);
        }
        int pages = 0;
        long fired = 0;
        while (!run.done() && pages < pageBudget) {
            CardWalk.Page page = walk.page(brand, run.cursor(), pageSize);
            long pageFired = fire(rules, page.cards(), run, zone);
            DateRun next = run.advanced(page.cards().size(), pageFired, page.next(), page.done(), now);
            if (!runs.save(next)) {
                return new Progress(runs.find(brand), pages, fired, true);
            }
            run = next;
            pages++;
            fired += pageFired;
        }
        return new Progress(Optional.of(run), pages, fired, false);
    }

    /** Fires the page's occasions of the run's days; answers how many. */
    private long fire(List<Rule> rules, List<Card> cards, DateRun run, ZoneId zone) {
        boolean lapses = rules.stream().anyMatch(r -> r.trigger() instanceof Trigger.Lapsed);
        long fired = 0;
        for (Card card : cards) {
            Optional<Instant> lastVisit = lapses ? stats.ledgerStats(run.brand(), card.number())
                    .flatMap(CardLedgerStats::lastTransactionAt) : Optional.empty();
            for (Rule rule : rules) {
                Optional<Fired> f = occasion(rule.trigger(), card, lastVisit, run.from(), run.day(), zone);
                if (f.isPresent()) {
                    firing.fire(rule, f.get());
                    fired++;
                }
            }
        }
        return fired;
    }

    /** The occasion of a date trigger a card has on a local day from {@code from} to {@code day}, if any. */
    static Optional<Fired> occasion(Trigger trigger, Card card, Optional<Instant> lastVisit, LocalDate from,
                                    LocalDate day, ZoneId zone) {
        Optional<LocalDate> enrolled = card.enrolledAt().map(e -> LocalDate.ofInstant(e, zone));
        Optional<Fired> occasion = Optional.empty();
        if (trigger instanceof Trigger.Birthday) {
            occasion = card.primaryCustomer().map(Customer::birthDate)
                    .flatMap(b -> yearly("birthday", b, card, from, day, zone));
        } else if (trigger instanceof Trigger.Anniversary) {
            occasion = enrolled.flatMap(e -> yearly("anniversary", e, card, from, day, zone));
        } else if (trigger instanceof Trigger.Lapsed l) {
            Optional<LocalDate> last = lastVisit.map(v -> LocalDate.ofInstant(v, zone)).or(() -> enrolled);
            occasion = last.filter(d -> within(d.plusDays(l.days()), from, day))
                    .map(d -> fired("lapsed-" + card.number().value() + "-" + d, d.plusDays(l.days()), card, zone));
        }
        return occasion.filter(f -> enrolled.map(e -> LocalDate.ofInstant(f.at(), zone).isAfter(e)).orElse(true));
    }

    /** The date of a yearly occasion between {@code from} and {@code day} after the date it recalls, if any. */
    private static Optional<Fired> yearly(String kind, LocalDate origin, Card card, LocalDate from, LocalDate day,
                                          ZoneId zone) {
        for (int year = day.getYear(); year >= from.getYear(); year--) {
            LocalDate date = MonthDay.from(origin).atYear(year);
            if (date.isAfter(origin) && within(date, from, day)) {
                return Optional.of(fired(kind + "-" + card.number().value() + "-" + year, date, card, zone));
            }
        }
        return Optional.empty();
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate day) {
        return !date.isBefore(from) && !date.isAfter(day);
    }

    private static Fired fired(String id, LocalDate date, Card card, ZoneId zone) {
        return new Fired(id, card.number(), date.atStartOfDay(zone).toInstant(),
                card.owningLocation().map(LocationId::value), Optional.empty());
    }
}
