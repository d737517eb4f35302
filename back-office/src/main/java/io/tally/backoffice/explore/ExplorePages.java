package io.tally.backoffice.explore;

import io.tally.backoffice.explore.ExploreView.Headline;
import io.tally.backoffice.explore.ExploreView.Option;
import io.tally.backoffice.explore.ExploreView.Picker;
import io.tally.backoffice.explore.ExploreView.ProgramLine;
import io.tally.backoffice.explore.ExploreView.SkuLine;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.explore.JteexploreGenerated;
import io.tally.domain.engagement.score.ScoreBreakdown;
import io.tally.domain.engagement.score.ScoreBreakdownUseCase;
import io.tally.domain.engagement.score.ScoreBreakdownUseCase.Breakdown;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.report.ExploreDataUseCase;
import io.tally.domain.report.ExploreReport;
import io.tally.domain.report.ExploreReport.Series;
import io.tally.domain.staff.Permission;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * {@code /admin/explore}: Explore Data (EXPLORE_DATA; the use case checks it again and limits a manager to their
 * locations). A period (the last 7, 30 or 90 days, or a custom range of at most {@link ExploreDataUseCase#MAX_DAYS}
 * days), its headline figures, a chart per time series with its table, the program activity overviews and the commerce
 * overview. A plain GET form: no script.
 */
public final class ExplorePages implements OfficeArea {
    private static final List<String> PRESETS = List.of("7", "30", "90", "custom");
    private final ExploreDataUseCase explore;
    private final ScoreBreakdownUseCase scores;

    public ExplorePages(ExploreDataUseCase explore, ScoreBreakdownUseCase scores) {
        this.explore = explore;
        this.scores = scores;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/explore", Permission.EXPLORE_DATA, this::page);
    }

    private OfficeResponse page(OfficeCall c) {
        LocalDate today = explore.today(c.scope());
        String preset = Optional.ofNullable(c.request().query("period")).filter(PRESETS::contains).orElse("30");
        String fromText = text(c.request().query("from"));
        String toText = text(c.request().query("to"));
        LocalDate from = today.minusDays(29);
        LocalDate to = today;
        String error = null;
        if (preset.equals("custom")) {
            Optional<LocalDate> f = day(fromText);
            Optional<LocalDate> t = day(toText);
            if (f.isEmpty() || t.isEmpty() || t.get().isBefore(f.get())
                    || ChronoUnit.DAYS.between(f.get(), t.get()) >= ExploreDataUseCase.MAX_DAYS) {
                error = "Give a custom range as two days (2026-12-01), the first not after the last, at most "
                        + ExploreDataUseCase.MAX_DAYS + " days.";
            } else {
                from = f.get();
                to = t.get();
            }
        } else {
            from = today.minusDays(Long.parseLong(preset) - 1);
        }
        Optional<ExploreReport> report = explore.report(c.scope(), from, to);
        if (report.isEmpty()) {
            return c.notFound();
        }
        List<Option> options = new ArrayList<>();
        for (String p : PRESETS) {
            options.add(new Option(p, p.equals("custom") ? "Custom range" : "Last " + p + " days", p.equals(preset)));
        }
        Picker picker = new Picker(options, fromText.isEmpty() ? from.toString() : fromText,
                toText.isEmpty() ? to.toString() : toText);
        ExploreView view = view(report.get(), picker, error, scores.breakdown(c.scope()));
        Page page = c.page("Explore Data", "explore");
        return OfficeResponse.html(error == null ? 200 : 400, Html.render(o -> JteexploreGenerated.render(o, null, page, view)));
    }

    static ExploreView view(ExploreReport r, Picker picker, String error) {
        return view(r, picker, error, Optional.empty());
    }

    /** With the customer score breakdown (headline, chart and table) when the scoring job has stored one. */
    static ExploreView view(ExploreReport r, Picker picker, String error, Optional<Breakdown> scores) {
        ExploreReport.Totals t = r.totals();
        LongFunction<String> money = v -> Figures.amount(v, r.currencyScale());
        LongFunction<String> points = v -> Figures.amount(v, r.pointsScale());
        LongFunction<String> count = Long::toString;
        String currency = r.currency().replace("Currency:", "");
        List<String> days = r.days().stream().map(LocalDate::toString).toList();
        List<Chart> charts = new ArrayList<>(List.of(
                Chart.of("gift-activity", "Gift activity", "Currency issued to and redeemed from gift cards per day, in "
                        + currency + ".", currency, days, List.of(
                        new Chart.Series("Issued", r.series().get(Series.GIFT_ISSUED), money),
                        new Chart.Series("Redeemed", r.series().get(Series.GIFT_REDEEMED), money))),
                Chart.of("loyalty-activity", "Loyalty activity", "Points issued and redeemed on loyalty cards per day.",
                        "points", days, List.of(
                        new Chart.Series("Points issued", r.series().get(Series.POINTS_ISSUED), points),
                        new Chart.Series("Points redeemed", r.series().get(Series.POINTS_REDEEMED), points))),
                Chart.of("new-cards", "New cards", "Gift and loyalty cards activated per day.", "cards", days, List.of(
                        new Chart.Series("New gift cards", r.series().get(Series.NEW_GIFT_CARDS), count),
                        new Chart.Series("New loyalty cards", r.series().get(Series.NEW_LOYALTY_CARDS), count))),
                Chart.of("member-visits", "Member visits", "Member visits per day (90-minute periods with a gift or "
                        + "loyalty transaction, per card).", "visits", days, List.of(
                        new Chart.Series("Member visits", r.series().get(Series.MEMBER_VISITS), count)))));
        scores.ifPresent(b -> charts.add(scoreChart(b)));
        List<Headline> headlines = List.of(
                new Headline("new-gift-cards", "New gift cards", count.apply(t.newGiftCards()),
                        "Gift cards activated (their first transaction) in the period."),
                new Headline("new-loyalty-cards", "New loyalty cards", count.apply(t.newLoyaltyCards()),
                        "Loyalty cards activated (their first transaction) in the period."),
                new Headline("member-visits", "Member visits", count.apply(t.memberVisits()),
                        "Cards with one or more gift or loyalty transactions in a 90-minute period, one per period."),
                new Headline("gift-amount-sold", "Gift amount sold", money.apply(t.giftSold()) + " " + currency,
                        "Currency issued to gift cards, new and existing."),
                new Headline("gift-amount-redeemed", "Gift amount redeemed", money.apply(t.giftRedeemed()) + " " + currency,
                        "Currency redeemed from gift cards (redemptions and checkouts)."),
                new Headline("lift", "Total lift", money.apply(t.lift()) + " " + currency,
                        "Checkout totals minus the gift card redemption in them, over checkouts paid in part with gift value."),
                new Headline("lift-percent", "% lift", Figures.percent(t.lift(), t.liftRedeemed()),
                        "Total lift as a percentage of the gift value redeemed in those checkouts."),
                new Headline("points-issued", "Points issued", points.apply(t.pointsIssued()),
                        "Points accrued from transactions (issuances and checkouts)."),
                new Headline("points-redeemed", "Points redeemed", points.apply(t.pointsRedeemed()),
                        "Points exchanged (redemptions and checkouts)."),
                new Headline("redemption-rate", "Redemption rate", Figures.percent(t.pointsRedeemed(), t.pointsIssued()),
                        "Points redeemed divided by points issued."),
                new Headline("rewards-issued", "Rewards issued", count.apply(t.rewardsIssued()),
                        "Transactions that issued rewards on reward program cards."),
                new Headline("reward-redemptions", "Reward redemptions", count.apply(t.rewardRedemptions()),
                        "Transactions that redeemed rewards on reward program cards."),
                scores.map(b -> new Headline("customer-scores", "Customer score breakdown", b.cards() + " cards scored",
                        "Cards per score range as of the end of " + b.asOf() + " (UTC); see the chart below."))
                        .orElseGet(() -> new Headline("customer-scores", "Customer score breakdown", "Not available yet",
                                "Shown once the scoring job has scored the brand's cards (brand-wide staff only).")));
        List<ProgramLine> gift = new ArrayList<>();
        List<ProgramLine> loyalty = new ArrayList<>();
        List<ProgramLine> reward = new ArrayList<>();
        for (ExploreReport.ProgramRow p : r.programs()) {
            String type = p.kind().name().charAt(0) + p.kind().name().substring(1).toLowerCase(Locale.ROOT);
            if (p.kind() == ProgramKind.GIFT) {
                gift.add(new ProgramLine(p.name(), type, count.apply(p.newCards()), money.apply(p.issued()),
                        money.apply(p.redeemed()), Figures.percent(p.redeemed(), p.issued()), money.apply(p.lift()),
                        count.apply(p.transactions())));
            } else if (p.kind() == ProgramKind.LOYALTY) {
                loyalty.add(new ProgramLine(p.name(), type, count.apply(p.newCards()), points.apply(p.issued()),
                        points.apply(p.redeemed()), Figures.percent(p.redeemed(), p.issued()), "",
                        count.apply(p.transactions())));
            } else {
                reward.add(new ProgramLine(p.name(), type, count.apply(p.newCards()), count.apply(p.issued()),
                        count.apply(p.redeemed()), Figures.percent(p.redeemed(), p.issued()), "",
                        count.apply(p.transactions())));
            }
        }
        ExploreReport.Commerce co = r.commerce();
        String perBasket = co.orders() == 0 ? "n/a" : BigDecimal.valueOf(co.itemsMilli(), 3)
                .divide(BigDecimal.valueOf(co.orders()), 2, RoundingMode.HALF_EVEN).toPlainString();
        List<Headline> commerce = List.of(
                new Headline("orders", "Orders", count.apply(co.orders()), "Committed checkouts with a card."),
                new Headline("sales", "Checkout total", money.apply(co.total()) + " " + currency,
                        "The checkout totals of those orders."),
                new Headline("average-order-value", "Average order value",
                        Figures.average(co.total(), co.orders(), r.currencyScale()) + (co.orders() == 0 ? "" : " " + currency),
                        "Checkout total divided by orders."),
                new Headline("items-per-basket", "Items per basket", perBasket, "Quantity bought divided by orders."));
        List<SkuLine> skus = new ArrayList<>();
        for (int i = 0; i < co.topSkus().size(); i++) {
            skus.add(new SkuLine(i + 1, co.topSkus().get(i).sku(), Figures.quantity(co.topSkus().get(i).quantityMilli())));
        }
        String period = r.from() + " to " + r.to() + (!r.days().isEmpty() && r.days().size() < ChronoUnit.DAYS.between(r.from(), r.to()) + 1
                ? " (figures up to today, " + r.days().get(r.days().size() - 1) + ")" : "");
        return new ExploreView(picker, period, headlines, charts, gift, loyalty, reward, commerce, skus, error);
    }

    static Chart scoreChart(Breakdown b) {
        List<String> ranges = b.lines().stream().map(l -> l.name() + " (" + l.label() + ")").toList();
        return Chart.of("score-breakdown", "Customer score breakdown", "Cards per customer score range as of the end of "
                + b.asOf() + " (UTC); a score of 0 means no activity at all.", "cards", ranges, List.of(
                new Chart.Series("Cards", b.lines().stream().map(ScoreBreakdown.Line::cards).toList(), Long::toString)),
                "Score range");
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
