package io.tally.backoffice.explore;

import java.util.List;

/** What the Explore Data page shows, every figure already written out. */
public record ExploreView(Picker picker, String period, List<Headline> headlines, List<Chart> charts,
                          List<ProgramLine> gift, List<ProgramLine> loyalty, List<ProgramLine> reward,
                          List<Headline> commerce, List<SkuLine> skus, String error) {
    public ExploreView {
        headlines = List.copyOf(headlines);
        charts = List.copyOf(charts);
        gift = List.copyOf(gift);
        loyalty = List.copyOf(loyalty);
        reward = List.copyOf(reward);
        commerce = List.copyOf(commerce);
        skus = List.copyOf(skus);
    }

    /** The period form: the preset chosen (7, 30, 90 or custom) and the custom range's fields. */
    public record Picker(List<Option> presets, String from, String to) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** A named figure and how it is defined (docs/ARCHITECTURE.md, "Explore Data: the metrics"). */
    public record Headline(String id, String label, String value, String definition) {
    }

    /** One program's activity overview. */
    public record ProgramLine(String name, String type, String newCards, String issued, String redeemed, String rate,
                              String lift, String transactions) {
    }

    public record SkuLine(int rank, String sku, String quantity) {
    }
}
