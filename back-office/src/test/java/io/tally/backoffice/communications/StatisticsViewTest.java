package io.tally.backoffice.communications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.communications.StatisticsView.Option;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.View.NavLink;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.communications.JtestatisticsGenerated;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.DeliveryEvent;
import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.delivery.DeliveryStatsPort.Counter;
import io.tally.domain.delivery.DeliveryStatsPort.Row;
import io.tally.domain.delivery.Figures;
import io.tally.domain.delivery.RevenuePort;
import io.tally.domain.delivery.StatisticsUseCase;
import io.tally.domain.delivery.StatisticsUseCase.Filter;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The communication report's rows, rates, chart tables, the channel filter and the SKU tag filter. */
class StatisticsViewTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void rows_carry_the_figures_and_the_glossarys_rates_and_each_chart_a_table() {
        List<Row> rows = List.of(
                new Row(new Counter(BRAND, DAY, "send-a", Optional.empty()), new Figures(4, 3, 5, 2, 1, 1, 1, 0, 1, 0)),
                new Row(new Counter(BRAND, DAY, "send-a", Optional.of("L1")), new Figures(2, 2, 1, 1, 0, 0, 0, 0, 0, 0)),
                new Row(new Counter(BRAND, DAY.plusDays(1), "rule-b", Optional.empty()), new Figures(1, 0, 0, 0, 0, 0, 0, 0, 0, 1)));
        DeliveryStatsPort stats = new ReadOnly(rows);
        var report = new StatisticsUseCase(stats, (b, f, t, l, tag, channel) -> Map.of("send-a", 12345L))
                .report(BRAND, new Filter(DAY, DAY.plusDays(1), Set.of(), Set.of()));
        StatisticsView view = StatisticsPages.view(report, List.of(new Option("90", "Last 90 days", true)), "", "", null);

        assertEquals(List.of("rule-b", "send-a"), view.byMailing().stream().map(StatisticsView.Line::name).toList());
        StatisticsView.Line a = view.byMailing().get(1);
        assertEquals(List.of("4", "3", "75.0%", "66.7%", "33.3%", "50.0%", "123.45"),
                List.of(a.sendRequests(), a.delivered(), a.deliveredRate(), a.openRate(), a.clickRate(),
                        a.adjustedClickRate(), a.revenue()));
        assertEquals("n/a", view.byMailing().get(0).openRate(), "nothing delivered: no open rate");
        assertEquals("5", view.total().sendRequests(), "without a location filter: the mailing-wide counters only");
        assertEquals(List.of("L1"), view.locations().stream().map(Option::value).filter(v -> !v.isEmpty()).toList());
        assertEquals(2, view.charts().get(0).rows().size(), "a table row per day of the period");

        String html = Html.render(o -> JtestatisticsGenerated.render(o, null, new Page("Statistics", List.<NavLink>of(),
                "staff@example.com", "Admin", "csrf", null), view));
        assertTrue(html.contains("<select id=\"skutag\" name=\"skutag\""), "SKU tags: a select");
        assertTrue(html.contains("<option value=\"\" selected>All SKU tags</option>"), html);
        assertTrue(html.contains("<select id=\"channel\" name=\"channel\""), "the channel: a select");
        assertTrue(html.contains("<option value=\"\" selected>All channels</option>"), html);
        assertTrue(html.contains("<option value=\"sms\">SMS</option>"), html);
        assertTrue(html.contains("<table id=\"by-mailing\">") && html.contains("<table id=\"by-day\">"));
    }

    @Test
    void a_channel_narrows_the_figures_the_mailings_offered_and_the_revenue_and_an_unknown_one_gets_a_message() {
        List<Row> rows = List.of(
                new Row(new Counter(BRAND, DAY, "send-mail", Optional.empty()), new Figures(4, 3, 2, 2, 1, 1, 0, 0, 1, 0)),
                new Row(new Counter(BRAND, DAY, "send-text", Optional.empty(), CardMailing.Channel.SMS),
                        new Figures(2, 1, 0, 0, 0, 0, 0, 1, 0, 0)),
                new Row(new Counter(BRAND, DAY, "dm-r1", Optional.empty(), CardMailing.Channel.DIRECT_MAIL),
                        new Figures(120, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        RevenuePort revenue = (b, f, t, l, tag, channel) -> channel.isEmpty()
                ? Map.of("send-mail", 1000L, "send-text", 250L)
                : channel.get() == CardMailing.Channel.SMS ? Map.of("send-text", 250L) : Map.of();
        StatisticsUseCase statistics = new StatisticsUseCase(new ReadOnly(rows), revenue);
        List<Option> periods = List.of(new Option("90", "Last 90 days", true));

        var all = statistics.report(BRAND, new Filter(DAY, DAY, Set.of(), Set.of()));
        assertEquals(126, all.total().sendRequests());
        assertEquals(Set.of("dm-r1", "send-mail", "send-text"), all.mailings());

        var texts = statistics.report(BRAND, new Filter(DAY, DAY, Set.of(), Set.of(), Optional.empty(),
                Optional.of(CardMailing.Channel.SMS)));
        assertEquals(new Figures(2, 1, 0, 0, 0, 0, 0, 1, 0, 0), texts.total());
        assertEquals(Set.of("send-text"), texts.mailings(), "only the channel's mailings are offered");
        assertEquals(Optional.of(250L), texts.totalRevenue());
        StatisticsView view = StatisticsPages.view(texts, periods, "", "", null)
                .withChannels(StatisticsPages.channelChoices("sms"), null);
        String html = render(view);
        assertTrue(html.contains("<option value=\"sms\" selected>SMS</option>"), html);
        assertFalse(html.contains("channel-error"));

        var mail = statistics.report(BRAND, new Filter(DAY, DAY, Set.of(), Set.of(), Optional.empty(),
                Optional.of(CardMailing.Channel.DIRECT_MAIL)));
        assertEquals(120, mail.total().sendRequests(), "a direct mail export's addresses");
        assertEquals(Optional.empty(), mail.totalRevenue());

        assertEquals(Optional.empty(), StatisticsPages.channel("fax"));
        assertEquals(Optional.of(CardMailing.Channel.DIRECT_MAIL), StatisticsPages.channel("directmail"));
        String unknown = render(StatisticsPages.view(all, periods, "", "", null)
                .withChannels(StatisticsPages.channelChoices(""), "Choose e-mail, SMS, direct mail or all channels."));
        assertTrue(unknown.contains("<p class=\"field-error\" id=\"channel-error\">Choose e-mail, SMS, direct mail or all "
                + "channels.</p>"), unknown);
        assertTrue(unknown.contains("aria-invalid=\"true\""), unknown);
    }

    @Test
    void a_chosen_sku_tag_narrows_the_revenue_and_an_unknown_one_gets_a_form_message() {
        var report = new StatisticsUseCase(new ReadOnly(List.of()), (b, f, t, l, tag, channel) -> tag.isEmpty()
                ? Map.of("send-a", 2000L) : Map.of("send-a", tag.get().equals("coffee") ? 450L : 0L))
                .report(BRAND, new Filter(DAY, DAY, Set.of(), Set.of(), Optional.of("coffee")));
        List<Option> periods = List.of(new Option("90", "Last 90 days", true));
        StatisticsView view = StatisticsPages.view(report, periods, "", "", null)
                .withSkuTags(StatisticsPages.skuTagChoices(new TreeSet<>(Set.of("food", "coffee")), "coffee"), null);
        assertEquals("4.50", view.totalRevenue());
        assertEquals("4.50", view.byMailing().get(0).revenue());
        assertEquals(List.of("", "coffee", "food"), view.skuTags().stream().map(Option::value).toList());
        String html = render(view);
        assertTrue(html.contains("<option value=\"coffee\" selected>coffee</option>"), html);
        assertTrue(html.contains("Total revenue of SKU tag coffee: <span id=\"total-revenue\">4.50</span>"), html);
        assertFalse(html.contains("skutag-error"));

        StatisticsView unknown = StatisticsPages.view(report, periods, "", "", null)
                .withSkuTags(StatisticsPages.skuTagChoices(Set.of("coffee"), ""), "\"tea\" is not one of the brand's SKU tags");
        String form = render(unknown);
        assertTrue(form.contains("aria-invalid=\"true\" aria-describedby=\"skutag-error skutag-why\""), form);
        assertTrue(form.contains("<p class=\"field-error\" id=\"skutag-error\">\"tea\" is not one of the brand's SKU tags"),
                form);
    }

    private static String render(StatisticsView view) {
        return Html.render(o -> JtestatisticsGenerated.render(o, null, new Page("Statistics", List.<NavLink>of(),
                "staff@example.com", "Admin", "csrf", null), view));
    }

    private record ReadOnly(List<Row> rows) implements DeliveryStatsPort {
        @Override
        public Progress begin(BrandId brand, String eventId, Instant now, java.time.Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean first(BrandId brand, String mailing, DeliveryEvent.Kind kind,
                             String recipient, String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(Counter counter, String eventId, Figures figures) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void finish(BrandId brand, String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void settle(Counter counter, String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Row> load(BrandId brand, LocalDate from, LocalDate to) {
            return rows;
        }
    }
}
