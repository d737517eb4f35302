package io.tally.backoffice.communications;

import io.tally.backoffice.explore.Chart;
import java.util.List;

/** The communication report as the page shows it (every figure already formatted). */
public record StatisticsView(List<Option> periods, List<Option> mailings, List<Option> locations, String period,
                             List<Line> byMailing, List<Line> byDay, Line total, String totalRevenue, List<Chart> charts,
                             String error) {
    public record Option(String value, String label, boolean selected) {
    }

    /** One row: a mailing or a day, and its figures and rates as the glossary defines them. */
    public record Line(String name, String sendRequests, String delivered, String opens, String uniqueOpens,
                       String clicks, String uniqueClicks, String spamReports, String softBounces, String hardBounces,
                       String bounceDrops, String deliveredRate, String openRate, String clickRate,
                       String adjustedClickRate, String revenue) {
    }
}
