package io.tally.backoffice.search;

import io.tally.backoffice.search.ServiceViews.EngagementView;
import io.tally.backoffice.search.ServiceViews.EventRow;
import io.tally.backoffice.search.ServiceViews.Fact;
import io.tally.domain.backoffice.CardEngagementUseCase.CardEngagement;
import io.tally.domain.engagement.CardEventStats;
import io.tally.domain.engagement.CardLedgerStats;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.RecordedEvent;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.StoredScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The card page's statistics and events, formatted ({@code search/engagement.jte}). */
final class EngagementViews {
    private EngagementViews() {
    }

    static EngagementView of(Optional<CardEngagement> engagement) {
        if (engagement.isEmpty()) {
            return new EngagementView(List.of(), List.of());
        }
        List<Fact> facts = new ArrayList<>(stats(engagement.get().stats()));
        facts.add(score(engagement.get().score(), engagement.get().ranges()));
        return new EngagementView(facts,
                engagement.get().events().stream().map(EngagementViews::row).toList());
    }

    private static List<Fact> stats(CardStats s) {
        CardLedgerStats l = s.ledger();
        CardEventStats e = s.events();
        return List.of(
                new Fact("Spend (checkout currency)", decimal(l.spend(), 4)),
                new Fact("Orders", Long.toString(l.orders())),
                new Fact("Average order value", s.averageOrderValue().map(v -> decimal(v, 4)).orElse("—")),
                new Fact("Items bought", BigDecimal.valueOf(l.itemsMilli(), 3).stripTrailingZeros().toPlainString()),
                new Fact("Visits (90 minutes each)", Long.toString(l.visits())),
                new Fact("Events", Long.toString(e.seen())),
                new Fact("Events by category", counts(e.byCategory())),
                new Fact("Events by sentiment", counts(e.bySentiment())),
                new Fact("Last activity", s.lastActivity().map(Amounts::time).orElse("—")));
    }

    /** The score, its named range and its four parts, as of the day the scoring job computed it. */
    static Fact score(Optional<StoredScore> stored) {
        return score(stored, ScoreRanges.DEFAULT);
    }

    /** The same, named by the brand's {@code ranges}. */
    static Fact score(Optional<StoredScore> stored, ScoreRanges ranges) {
        return new Fact("Customer score", stored.map(s -> {
            int total = s.score().total();
            String range = ranges.of(total).map(r -> r.name() + ", " + r.label()).orElse("no activity");
            return total + " (" + range + "; recency " + s.score().recency() + ", frequency " + s.score().frequency()
                    + ", spend " + s.score().spend() + ", engagement " + s.score().engagement() + "; as of "
                    + s.asOf() + ")";
        }).orElse("not scored yet"));
    }

    private static EventRow row(RecordedEvent e) {
        String details = e.customData().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(d -> d.getKey() + ": " + d.getValue()).collect(Collectors.joining(", "));
        return new EventRow(Amounts.time(e.occurredAt()), e.category().value(), e.type().label(), e.sentiment().wireName(),
                e.location().value(), e.valueHundredths().map(v -> decimal(v, 2)).orElse("—"),
                details.isEmpty() ? "—" : details);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", "));
    }

    /** At least two decimals, no trailing zeros beyond them. */
    private static String decimal(long unscaled, int scale) {
        BigDecimal d = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
        return (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
    }
}
