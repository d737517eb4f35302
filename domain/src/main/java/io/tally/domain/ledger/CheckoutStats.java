package io.tally.domain.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a card's state remembers of its checkouts, for campaign conditions and per-card limits, so that they are
 * decided by the same conditional write as the checkout's balance changes: how many committed checkouts (not voided),
 * and for campaigns with a per-card limit how often they fired in all and the firings their per-period limit needs.
 *
 * <p>Every entry of the card carries this, so it is bounded ({@link #MAX_CAMPAIGNS} campaigns,
 * {@link #MAX_FIRES} firings across them) and the bound is kept by the fold alone, from what the postings say
 * ({@link CheckoutFacts.PerCardFire#keep}): no campaign configuration is read. Over a bound, the fold forgets by rules
 * that depend on the state only ({@link #bounded}); a state stored before the bounds existed reads as it is and is
 * trimmed by the next fold.
 */
public record CheckoutStats(long count, Map<String, Fires> fires) {
    /**
     * The most firings kept per campaign: a per-period limit counts at most this many (Campaign.Limits.MAX_PER_CARD),
     * and what a checkout recorded before postings said how many to keep keeps.
     */
    public static final int RECENT_FIRES = 100;
    /** Campaigns with per-card limits remembered per card (over it: the one that fired least recently is forgotten). */
    public static final int MAX_CAMPAIGNS = 100;
    /**
     * Firings (instants) remembered per card across its campaigns (over it: the oldest firing of the campaign that
     * remembers the most is forgotten), so every one of {@link #MAX_CAMPAIGNS} campaigns keeps at least
     * {@code MAX_FIRES / MAX_CAMPAIGNS} of its firings.
     */
    public static final int MAX_FIRES = 400;
    public static final CheckoutStats NONE = new CheckoutStats(0, Map.of());

    /** No bounds checked: a state stored before they existed must still read (the next fold trims it). */
    public CheckoutStats {
        if (count < 0) {
            throw new IllegalArgumentException("negative checkout count");
        }
        fires = Map.copyOf(fires);
    }

    /**
     * How often a campaign fired on the card: in all (not counting voided checkouts), the latest firings its per-period
     * limit needs (oldest first), and the entry it last fired in (what {@link #MAX_CAMPAIGNS} forgets by).
     */
    public record Fires(long total, List<Fire> recent, long last) {
        public Fires {
            recent = List.copyOf(recent);
            if (total < recent.size() || recent.size() > RECENT_FIRES) {
                throw new IllegalStateException("fires over their limits");
            }
        }

        /** Fires stored before {@code last} was: the latest remembered firing's entry (they kept every campaign's). */
        public Fires(long total, List<Fire> recent) {
            this(total, recent, recent.isEmpty() ? 0 : recent.get(recent.size() - 1).sequence());
        }
    }

    /** One firing: when, and in which entry of the card. */
    public record Fire(Instant at, long sequence) {
        public Fire {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Firings remembered across campaigns. */
    public int remembered() {
        int remembered = 0;
        for (Fires f : fires.values()) {
            remembered += f.recent().size();
        }
        return remembered;
    }

    /**
     * After a committed checkout at {@code at} (entry {@code sequence}) that fired {@code limited}: each counts once
     * more and keeps its latest {@code keep} firings.
     */
    CheckoutStats committed(Instant at, long sequence, List<CheckoutFacts.PerCardFire> limited) {
        Map<String, Fires> next = new HashMap<>(fires);
        for (CheckoutFacts.PerCardFire fired : limited) {
            Fires f = next.getOrDefault(fired.campaign(), new Fires(0, List.of(), 0));
            List<Fire> recent = new ArrayList<>(f.recent());
            recent.add(new Fire(at, sequence));
            int keep = Math.min(fired.keep(), RECENT_FIRES);
            next.put(fired.campaign(), new Fires(f.total() + 1, recent.subList(Math.max(0, recent.size() - keep), recent.size()),
                    sequence));
        }
        return new CheckoutStats(count + 1, next).bounded();
    }

    /** After the void of the committed checkout in entry {@code sequence} that fired {@code limited}. */
    CheckoutStats voided(long sequence, List<CheckoutFacts.PerCardFire> limited) {
        Map<String, Fires> next = new HashMap<>(fires);
        for (CheckoutFacts.PerCardFire fired : limited) {
            Fires f = next.get(fired.campaign());
            if (f != null) {
                List<Fire> recent = f.recent().stream().filter(x -> x.sequence() != sequence).toList();
                next.put(fired.campaign(), new Fires(Math.max(recent.size(), f.total() - 1), recent, f.last()));
            }
        }
        return new CheckoutStats(Math.max(0, count - 1), next).bounded();
    }

    /**
     * This state within the bounds (itself if it is). Over {@link #MAX_CAMPAIGNS}: forget the campaign that fired least
     * recently (lowest {@link Fires#last}, then lowest id); its per-card limits then count afresh. Over
     * {@link #MAX_FIRES}: forget the oldest firing of the campaign that remembers the most (then the one whose oldest
     * firing is older, then lowest id); its total stays, so a limit in all stays exact, and a per-period limit of up to
     * {@code MAX_FIRES / MAX_CAMPAIGNS} times stays exact whatever the other campaigns do.
     */
    public CheckoutStats bounded() {
        if (fires.isEmpty() || fires.size() <= MAX_CAMPAIGNS && remembered() <= MAX_FIRES) { // every fold: no stream
            return this;
        }
        Map<String, Fires> next = new HashMap<>(fires);
        while (next.size() > MAX_CAMPAIGNS) {
            next.remove(next.entrySet().stream().min(Map.Entry.<String, Fires>comparingByValue(
                    Comparator.comparingLong(Fires::last)).thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey());
        }
        trimFires(next);
        return new CheckoutStats(count, next);
    }

    /**
     * Forgets, as if one firing at a time from the campaign that remembers the most, in one pass: every campaign over the
     * level (one more than the most each may keep for the total to fit) is cut to it, then as many of those at the level
     * as are still over {@link #MAX_FIRES}, first by their oldest firing then by id, lose their oldest.
     */
    private static void trimFires(Map<String, Fires> next) {
        int cap = RECENT_FIRES;
        while (cap > 0 && kept(next, cap - 1) > MAX_FIRES) {
            cap--;
        }
        if (kept(next, cap) <= MAX_FIRES) {
            return;
        }
        int level = cap;
        next.replaceAll((id, f) -> f.recent().size() <= level ? f
                : new Fires(f.total(), f.recent().subList(f.recent().size() - level, f.recent().size()), f.last()));
        List<String> atLevel = next.entrySet().stream().filter(e -> e.getValue().recent().size() == level)
                .sorted(Comparator.<Map.Entry<String, Fires>, Instant>comparing(e -> e.getValue().recent().get(0).at())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (String id : atLevel.subList(0, kept(next, level) - MAX_FIRES)) {
            Fires f = next.get(id);
            next.put(id, new Fires(f.total(), f.recent().subList(1, f.recent().size()), f.last()));
        }
    }

    private static int kept(Map<String, Fires> fires, int each) {
        return fires.values().stream().mapToInt(f -> Math.min(f.recent().size(), each)).sum();
    }
}
