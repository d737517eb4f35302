package io.tally.backoffice.communications;

import io.tally.backoffice.communications.StatisticsView.Line;
import io.tally.backoffice.communications.StatisticsView.Option;
import io.tally.backoffice.explore.Chart;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.communications.JtestatisticsGenerated;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.delivery.Figures;
import io.tally.domain.delivery.StatisticsUseCase;
import io.tally.domain.delivery.StatisticsUseCase.Filter;
import io.tally.domain.delivery.StatisticsUseCase.Report;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code /admin/communications/statistics}: the communication report (Explore Data's permission, brand-wide staff only:
 * the figures are the brand's). A period (the last 90 days by day, or one of the last twelve months), a mailing and a
 * location; the figures per mailing and per day with the glossary's rates, two charts each with its table. A channel
 * (e-mail, SMS, direct mail, or all) narrows the figures, the revenue and the mailings offered to that channel's. A
 * SKU tag of the brand (its checkout configuration's) narrows the revenue to the attributed checkouts' amounts for
 * that tag; delivery figures are per mailing and stay whole.
 */
public final class StatisticsPages implements OfficeArea {
    static final String LAST_90 = "90";
    private final StatisticsUseCase statistics;
    private final Function<BrandId, ZoneId> zones;
    private final Clock clock;
    private final Function<BrandId, List<Send>> sends;
    private final Function<BrandId, Set<String>> skuTags;

    public StatisticsPages(StatisticsUseCase statistics, Function<BrandId, ZoneId> zones, Clock clock) {
        this(statistics, zones, clock, brand -> List.of(), brand -> Set.of());
    }

    /**
     * @param sends   a brand's scheduled sends (A110), counted by status for the period (their send time, else their last change)
     * @param skuTags a brand's SKU tags (its checkout configuration, A34), the SKU tag filter's choices
     */
    public StatisticsPages(StatisticsUseCase statistics, Function<BrandId, ZoneId> zones, Clock clock,
                           Function<BrandId, List<Send>> sends, Function<BrandId, Set<String>> skuTags) {
        this.sends = sends;
        this.skuTags = skuTags;
        this.statistics = statistics;
        this.zones = zones;
        this.clock = clock;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/communications/statistics", Permission.EXPLORE_DATA, this::page);
    }

    private OfficeResponse page(OfficeCall c) {
        if (!c.scope().brandWide()) {
            return c.notFound();
        }
        LocalDate today = LocalDate.now(clock.withZone(zones.apply(c.scope().brand())));
        String periodText = Optional.ofNullable(c.request().query("period")).filter(p -> !p.isEmpty()).orElse(LAST_90);
        LocalDate from = today.minusDays(89);
        LocalDate to = today;
        String error = null;
        List<Option> periods = new ArrayList<>(List.of(new Option(LAST_90, "Last 90 days", periodText.equals(LAST_90))));
        for (int back = 0; back < 12; back++) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            periods.add(new Option(month.toString(), "Billing month " + month, periodText.equals(month.toString())));
            if (periodText.equals(month.toString())) {
                from = month.atDay(1);
                to = month.atEndOfMonth();
            }
        }
        if (periods.stream().noneMatch(Option::selected)) {
            error = "Choose the last 90 days or one of the last twelve months.";
        }
        String mailing = Optional.ofNullable(c.request().query("mailing")).orElse("");
        String location = Optional.ofNullable(c.request().query("location")).orElse("");
        String tag = Optional.ofNullable(c.request().query("skutag")).orElse("");
        Set<String> tags = new TreeSet<>(skuTags.apply(c.scope().brand()));
        String tagError = null;
        if (!tag.isEmpty() && !tags.contains(tag)) {
            tagError = "\"" + tag + "\" is not one of the brand's SKU tags: choose one of them, or all SKU tags.";
            tag = "";
        }
        String channelText = Optional.ofNullable(c.request().query("channel")).orElse("");
        Optional<CardMailing.Channel> channel = channel(channelText);
        String channelError = null;
        if (!channelText.isEmpty() && channel.isEmpty()) {
            channelError = "Choose e-mail, SMS, direct mail or all channels.";
            channelText = "";
        }
        Report report = statistics.report(c.scope().brand(), new Filter(from, to,
                mailing.isEmpty() ? Set.of() : Set.of(mailing), location.isEmpty() ? Set.of() : Set.of(location),
                tag.isEmpty() ? Optional.empty() : Optional.of(tag), channel));
        ZoneId zone = zones.apply(c.scope().brand());
        LocalDate first = from;
        LocalDate last = to;
        Map<SendStatus, Long> counts = new EnumMap<>(SendStatus.class);
        for (Send send : sends.apply(c.scope().brand())) {
            LocalDate day = send.sendAt().orElse(send.updatedAt()).atZone(zone).toLocalDate();
            if (!day.isBefore(first) && !day.isAfter(last)) {
                counts.merge(send.status(), 1L, Long::sum);
            }
        }
        StatisticsView view = view(report, periods, mailing, location, error).withSends(sendCounts(counts))
                .withSkuTags(skuTagChoices(tags, tag), tagError).withChannels(channelChoices(channelText), channelError);
        Page page = c.page("Communication statistics", "communications");
        return OfficeResponse.html(error == null && tagError == null && channelError == null ? 200 : 400,
                Html.render(o -> JtestatisticsGenerated.render(o, null, page, view)));
    }

    /** The channel a query value names ({@code email}, {@code sms}, {@code directmail}); empty for all or unknown. */
    static Optional<CardMailing.Channel> channel(String value) {
        return switch (value) {
            case "email" -> Optional.of(CardMailing.Channel.EMAIL);
            case "sms" -> Optional.of(CardMailing.Channel.SMS);
            case "directmail" -> Optional.of(CardMailing.Channel.DIRECT_MAIL);
            default -> Optional.empty();
        };
    }

    /** "All channels", e-mail, SMS and direct mail, the chosen one selected. */
    static List<Option> channelChoices(String chosen) {
        return List.of(new Option("", "All channels", chosen.isEmpty()), new Option("email", "E-mail", chosen.equals("email")),
                new Option("sms", "SMS", chosen.equals("sms")), new Option("directmail", "Direct mail",
                        chosen.equals("directmail")));
    }

    /** "All SKU tags", then each of the brand's tags in order, the chosen one selected. */
    static List<Option> skuTagChoices(Set<String> tags, String chosen) {
        List<Option> choices = new ArrayList<>(List.of(new Option("", "All SKU tags", chosen.isEmpty())));
        tags.forEach(t -> choices.add(new Option(t, t, t.equals(chosen))));
        return choices;
    }

    /** The glossary's send counts: sent, queued (sending ones too), draft, error, tests, cancelled. */
    static List<StatisticsView.Count> sendCounts(Map<SendStatus, Long> counts) {
        Function<SendStatus, Long> n = status -> counts.getOrDefault(status, 0L);
        return List.of(new StatisticsView.Count("Sent", n.apply(SendStatus.SENT)),
                new StatisticsView.Count("Queued", n.apply(SendStatus.QUEUED) + n.apply(SendStatus.SENDING)),
                new StatisticsView.Count("Draft", n.apply(SendStatus.DRAFT)),
                new StatisticsView.Count("Error", n.apply(SendStatus.ERROR)),
                new StatisticsView.Count("Tests", n.apply(SendStatus.TESTS)),
                new StatisticsView.Count("Cancelled", n.apply(SendStatus.CANCELLED)));
    }

    static StatisticsView view(Report r, List<Option> periods, String mailing, String location, String error) {
        List<Option> mailings = new ArrayList<>(List.of(new Option("", "All mailings", mailing.isEmpty())));
        r.mailings().forEach(m -> mailings.add(new Option(m, m, m.equals(mailing))));
        List<Option> locations = new ArrayList<>(List.of(new Option("", "All locations", location.isEmpty())));
        r.locations().forEach(l -> locations.add(new Option(l, l, l.equals(location))));
        List<Line> byMailing = new ArrayList<>();
        r.byMailing().forEach((m, f) -> byMailing.add(line(m, f, Optional.ofNullable(r.revenue().get(m)))));
        List<Line> byDay = new ArrayList<>();
        r.byDay().forEach((d, f) -> byDay.add(line(d.toString(), f, Optional.empty())));
        List<String> days = new ArrayList<>();
        for (LocalDate d = r.filter().from(); !d.isAfter(r.filter().to()); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        Map<LocalDate, Figures> byDate = r.byDay();
        List<Figures> series = days.stream().map(d -> byDate.getOrDefault(LocalDate.parse(d), Figures.ZERO)).toList();
        List<Chart> charts = List.of(
                Chart.of("sent-delivered", "Send requests and deliveries", "Messages handed to the provider (a direct "
                        + "mail export's addresses) and delivered per day.", "messages", days, List.of(
                        new Chart.Series("Send requests", series.stream().map(Figures::sendRequests).toList(), Long::toString),
                        new Chart.Series("Delivered", series.stream().map(Figures::delivered).toList(), Long::toString))),
                Chart.of("opens-clicks", "Unique opens and clicks", "Recipients who opened or clicked for the first time "
                        + "in a mailing, per day.", "recipients", days, List.of(
                        new Chart.Series("Unique opens", series.stream().map(Figures::uniqueOpens).toList(), Long::toString),
                        new Chart.Series("Unique clicks", series.stream().map(Figures::uniqueClicks).toList(), Long::toString))));
        String revenue = r.totalRevenue().map(StatisticsPages::money).orElse("Not available yet");
        return new StatisticsView(periods, mailings, locations, r.filter().from() + " to " + r.filter().to(), byMailing,
                byDay, line("Total", r.total(), r.totalRevenue()), revenue, charts, error);
    }

    private static Line line(String name, Figures f, Optional<Long> revenue) {
        return new Line(name, n(f.sendRequests()), n(f.delivered()), n(f.opens()), n(f.uniqueOpens()), n(f.clicks()),
                n(f.uniqueClicks()), n(f.spamReports()), n(f.softBounces()), n(f.hardBounces()), n(f.bounceDrops()),
                rate(f.deliveredRate()), rate(f.openRate()), rate(f.clickRate()), rate(f.adjustedClickRate()),
                revenue.map(StatisticsPages::money).orElse(""));
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String rate(Optional<Figures.Rate> rate) {
        return rate.map(Figures.Rate::percent).orElse("n/a");
    }

    /** Minor units of the brand's currency (revenue attribution fills it in). */
    private static String money(long minor) {
        return (minor < 0 ? "-" : "") + Math.abs(minor) / 100 + "." + String.format("%02d", Math.abs(minor) % 100);
    }
}
