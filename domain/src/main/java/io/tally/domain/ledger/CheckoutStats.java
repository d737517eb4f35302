package io.tally.domain.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a card's state remembers of its checkouts, for campaign conditions and per-card limits, so that they are
 * decided by the same conditional write as the checkout's balance changes: how many committed checkouts (not voided),
 * and for campaigns with a per-card limit how often they fired in all and when they fired last.
 */
public record CheckoutStats(long count, Map<String, Fires> fires) {
    /** Most recent firings remembered per campaign (a per-period limit counts at most this many). */
    public static final int RECENT_FIRES = 100;
    /** Campaigns with per-card limits remembered per card. */
    public static final int MAX_CAMPAIGNS = 200;
    public static final CheckoutStats NONE = new CheckoutStats(0, Map.of());

    public CheckoutStats {
        if (count < 0) {
            throw new IllegalArgumentException("negative checkout count");
        }
        fires = Map.copyOf(fires);
        if (fires.size() > MAX_CAMPAIGNS) {
            throw new IllegalStateException("card remembers too many campaigns");
        }
    }

    /** How often a campaign fired on the card: in all (not counting voided checkouts), and the latest firings. */
    public record Fires(long total, List<Fire> recent) {
        public Fires {
            recent = List.copyOf(recent);
            if (total < recent.size() || recent.size() > RECENT_FIRES) {
                throw new IllegalStateException("fires over their limits");
            }
        }
    }

    /** One firing: when, and in which entry of the card. */
    public record Fire(Instant at, long sequence) {
        public Fire {
            Objects.requireNonNull(at, "at");
        }
    }

    /** After a committed checkout at {@code at} (entry {@code sequence}) that fired {@code limited}. */
    CheckoutStats committed(Instant at, long sequence, List<String> limited) {
        Map<String, Fires> next = new HashMap<>(fires);
        for (String campaign : limited) {
            Fires f = next.getOrDefault(campaign, new Fires(0, List.of()));
            List<Fire> recent = new ArrayList<>(f.recent());
            recent.add(new Fire(at, sequence));
            while (recent.size() > RECENT_FIRES) {
                recent.remove(0);
            }
            next.put(campaign, new Fires(f.total() + 1, recent));
        }
        while (next.size() > MAX_CAMPAIGNS) {
            // forget the campaign that fired least recently: its limit then counts afresh (documented)
            String oldest = next.entrySet().stream()
                    .min((a, b) -> last(a.getValue()).compareTo(last(b.getValue()))).orElseThrow().getKey();
            next.remove(oldest);
        }
        return new CheckoutStats(count + 1, next);
    }

    /** After the void of the committed checkout in entry {@code sequence} that fired {@code limited}. */
    CheckoutStats voided(long sequence, List<String> limited) {
        Map<String, Fires> next = new HashMap<>(fires);
        for (String campaign : limited) {
            Fires f = next.get(campaign);
            if (f != null) {
                List<Fire> recent = f.recent().stream().filter(x -> x.sequence() != sequence).toList();
                next.put(campaign, new Fires(Math.max(recent.size(), f.total() - 1), recent));
            }
        }
        return new CheckoutStats(Math.max(0, count - 1), next);
    }

    private static Instant last(Fires f) {
        return f.recent().isEmpty() ? Instant.MIN : f.recent().get(f.recent().size() - 1).at();
    }
}
