package io.tally.backoffice.communications;

import io.tally.backoffice.explore.Chart;
import java.util.List;

/** The communication report as the page shows it (every figure already formatted). */
public record StatisticsView(List<Option> periods, List<Option> mailings, List<Option> locations, String period,
                             List<Line> byMailing, List<Line> byDay, Line total, String totalRevenue, List<Chart> charts,
                             String error, List<Count> sends, List<Option> skuTags, String skuTagError,
                             List<Option> channels, String channelError) {
    public StatisticsView(List<Option> periods, List<Option> mailings, List<Option> locations, String period,
                          List<Line> byMailing, List<Line> byDay, Line total, String totalRevenue, List<Chart> charts,
                          String error) {
        this(periods, mailings, locations, period, byMailing, byDay, total, totalRevenue, charts, error, List.of(),
                List.of(new Option("", "All SKU tags", true)), null, StatisticsPages.channelChoices(""), null);
    }

    /** This view with the period's scheduled sends counted by status. */
    public StatisticsView withSends(List<Count> counts) {
        return new StatisticsView(periods, mailings, locations, period, byMailing, byDay, total, totalRevenue, charts, error,
                counts, skuTags, skuTagError, channels, channelError);
    }

    /** This view with the SKU tag filter's choices ("All SKU tags" first) and its form message (null: none). */
    public StatisticsView withSkuTags(List<Option> choices, String message) {
        return new StatisticsView(periods, mailings, locations, period, byMailing, byDay, total, totalRevenue, charts, error,
                sends, choices, message, channels, channelError);
    }

    /** This view with the channel filter's choices ("All channels" first) and its form message (null: none). */
    public StatisticsView withChannels(List<Option> choices, String message) {
        return new StatisticsView(periods, mailings, locations, period, byMailing, byDay, total, totalRevenue, charts, error,
                sends, skuTags, skuTagError, choices, message);
    }

    /** Scheduled sends of the period in one status. */
    public record Count(String status, long sends) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** One row: a mailing or a day, and its figures and rates as the glossary defines them. */
    public record Line(String name, String sendRequests, String delivered, String opens, String uniqueOpens,
                       String clicks, String uniqueClicks, String spamReports, String softBounces, String hardBounces,
                       String bounceDrops, String deliveredRate, String openRate, String clickRate,
                       String adjustedClickRate, String revenue) {
    }
}
