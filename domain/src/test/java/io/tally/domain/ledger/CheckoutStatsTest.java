package io.tally.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A card's checkout statistics stay within their bounds whatever checkouts and voids come, and remember what the rules
 * of {@link CheckoutStats} say: checked against {@link Model}, written apart from the code (one flat list of remembered
 * firings instead of a list per campaign), over random sequences of commits and voids.
 */
class CheckoutStatsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void random_commits_and_voids_stay_within_the_bounds_and_match_the_model() {
        int firesFull = 0;
        int campaignsFull = 0;
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            CheckoutStats stats = CheckoutStats.NONE;
            Model model = new Model();
            Map<Long, List<CheckoutFacts.PerCardFire>> committed = new HashMap<>();
            // more campaigns than the state remembers, so that both bounds are met
            int campaigns = seed % 2 == 0 ? 20 : CheckoutStats.MAX_CAMPAIGNS + 30;
            Instant at = T0;
            for (long sequence = 1; sequence <= 800; sequence++) {
                at = at.plus(Duration.ofMinutes(random.nextInt(3)));
                if (!committed.isEmpty() && random.nextInt(5) == 0) {
                    List<Long> open = new ArrayList<>(committed.keySet());
                    open.sort(null);
                    long target = open.get(random.nextInt(open.size()));
                    List<CheckoutFacts.PerCardFire> fired = committed.remove(target);
                    stats = stats.voided(target, fired);
                    model.voided(target, fired);
                } else {
                    List<CheckoutFacts.PerCardFire> fired = fired(random, campaigns);
                    stats = stats.committed(at, sequence, fired);
                    model.committed(at, sequence, fired);
                    committed.put(sequence, fired);
                }
                String where = "seed " + seed + ", entry " + sequence;
                assertTrue(stats.fires().size() <= CheckoutStats.MAX_CAMPAIGNS, where);
                assertTrue(stats.remembered() <= CheckoutStats.MAX_FIRES, where);
                assertEquals(model.view(), stats, where);
                firesFull += stats.remembered() == CheckoutStats.MAX_FIRES ? 1 : 0;
                campaignsFull += stats.fires().size() == CheckoutStats.MAX_CAMPAIGNS ? 1 : 0;
            }
        }
        assertTrue(firesFull > 1000 && campaignsFull > 1000, "both bounds are met often: " + firesFull + ", " + campaignsFull);
    }

    @Test
    void a_campaign_limited_in_all_only_keeps_no_instants_and_its_total_counts_voids_back() {
        var once = List.of(new CheckoutFacts.PerCardFire("TOTAL", 0));
        CheckoutStats stats = CheckoutStats.NONE.committed(T0, 1, once).committed(T0.plusSeconds(60), 2, once);
        assertEquals(new CheckoutStats.Fires(2, List.of(), 2), stats.fires().get("TOTAL"));
        assertEquals(new CheckoutStats.Fires(1, List.of(), 2), stats.voided(1, once).fires().get("TOTAL"));
    }

    @Test
    void a_state_stored_over_the_bounds_reads_and_the_next_entry_trims_it() {
        // before the bounds a state could hold 200 campaigns of 100 firings; 30 each keep the model quick
        Map<String, CheckoutStats.Fires> fires = new HashMap<>();
        for (int c = 0; c < 200; c++) {
            List<CheckoutStats.Fire> recent = new ArrayList<>();
            for (int f = 0; f < 30; f++) {
                recent.add(new CheckoutStats.Fire(T0.plusSeconds(c * 1000L + f), c * 1000L + f + 1));
            }
            fires.put(String.format("C%03d", c), new CheckoutStats.Fires(250, recent));
        }
        CardState legacy = new CardState(200_000, Map.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(),
                new CheckoutStats(7, fires));
        Posting adjust = new Posting(new BrandId("B"), new CardNumber("6100000000000006"), 200_001, new TransactionId("1"),
                EntryType.ADJUST, T0.plusSeconds(300_000), Origin.system(), List.of(), Optional.empty(), 0);

        CheckoutStats trimmed = LedgerRules.apply(legacy, adjust).checkouts();

        assertEquals(CheckoutStats.MAX_CAMPAIGNS, trimmed.fires().size());
        assertEquals(CheckoutStats.MAX_FIRES, trimmed.remembered());
        assertTrue(trimmed.fires().containsKey("C199") && !trimmed.fires().containsKey("C099"),
                "the campaigns that fired least recently are forgotten");
        assertEquals(250, trimmed.fires().get("C150").total(), "totals are kept");
        assertEquals(legacy.checkouts().count(), trimmed.count());
        Model model = new Model();
        model.count = 7;
        fires.forEach((id, f) -> model.load(id, f));
        model.bound();
        assertEquals(model.view(), trimmed);
    }

    @Test
    void a_checkout_recorded_before_keep_counts_keeps_the_latest_hundred_as_it_did() {
        var old = List.of(CheckoutFacts.PerCardFire.recorded("OLD"));
        CheckoutStats stats = CheckoutStats.NONE;
        for (int i = 1; i <= CheckoutStats.RECENT_FIRES + 5; i++) {
            stats = stats.committed(T0.plusSeconds(i), i, old);
        }
        assertEquals(CheckoutStats.RECENT_FIRES, stats.fires().get("OLD").recent().size());
        assertEquals(6, stats.fires().get("OLD").recent().get(0).sequence());
        assertEquals(CheckoutStats.RECENT_FIRES + 5, stats.fires().get("OLD").total());
    }

    private static List<CheckoutFacts.PerCardFire> fired(Random random, int campaigns) {
        Set<String> ids = new LinkedHashSet<>();
        int n = random.nextInt(random.nextInt(4) == 0 ? 16 : 6);
        for (int i = 0; i < n; i++) {
            // half skewed towards the first campaigns, so that some fire often and others seldom
            int c = random.nextInt(campaigns);
            ids.add(String.format("C%03d", random.nextBoolean() ? c : Math.min(c, random.nextInt(campaigns))));
        }
        List<CheckoutFacts.PerCardFire> out = new ArrayList<>();
        for (String id : ids) {
            // a campaign's keep is stable (its per-period limit) except now and then (its limit changed)
            int keep = random.nextInt(20) == 0 ? random.nextInt(CheckoutStats.RECENT_FIRES + 1)
                    : new int[] {0, 1, 5, 20, 50, 100, 100}[Math.abs(id.hashCode()) % 7];
            out.add(new CheckoutFacts.PerCardFire(id, keep));
        }
        return out;
    }

    /**
     * The rules in the plainest form: every remembered firing in one list, in the order they happened; totals and the
     * entry of each campaign's latest firing in maps.
     */
    private static final class Model {
        record Remembered(String campaign, Instant at, long sequence) {
        }

        long count;
        final List<Remembered> list = new ArrayList<>();
        final Map<String, Long> totals = new HashMap<>();
        final Map<String, Long> last = new HashMap<>();

        void committed(Instant at, long sequence, List<CheckoutFacts.PerCardFire> fired) {
            count++;
            for (CheckoutFacts.PerCardFire f : fired) {
                totals.merge(f.campaign(), 1L, Long::sum);
                last.put(f.campaign(), sequence);
                list.add(new Remembered(f.campaign(), at, sequence));
                long mine = list.stream().filter(r -> r.campaign().equals(f.campaign())).count();
                for (long extra = mine - f.keep(); extra > 0; extra--) {
                    list.remove(list.stream().filter(r -> r.campaign().equals(f.campaign())).findFirst().orElseThrow());
                }
            }
            bound();
        }

        void voided(long sequence, List<CheckoutFacts.PerCardFire> fired) {
            count = Math.max(0, count - 1);
            for (CheckoutFacts.PerCardFire f : fired) {
                if (totals.containsKey(f.campaign())) {
                    list.removeIf(r -> r.campaign().equals(f.campaign()) && r.sequence() == sequence);
                    long mine = list.stream().filter(r -> r.campaign().equals(f.campaign())).count();
                    totals.put(f.campaign(), Math.max(mine, totals.get(f.campaign()) - 1));
                }
            }
        }

        void load(String campaign, CheckoutStats.Fires f) {
            totals.put(campaign, f.total());
            last.put(campaign, f.last());
            f.recent().forEach(r -> list.add(new Remembered(campaign, r.at(), r.sequence())));
            list.sort(Comparator.comparing(Remembered::sequence));
        }

        void bound() {
            while (totals.size() > CheckoutStats.MAX_CAMPAIGNS) {
                String gone = new TreeMap<>(last).entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
                totals.remove(gone);
                last.remove(gone);
                list.removeIf(r -> r.campaign().equals(gone));
            }
            while (list.size() > CheckoutStats.MAX_FIRES) {
                Map<String, Integer> counts = new TreeMap<>();
                Map<String, Instant> oldest = new HashMap<>();
                for (Remembered r : list) {
                    counts.merge(r.campaign(), 1, Integer::sum);
                    oldest.putIfAbsent(r.campaign(), r.at());
                }
                int most = counts.values().stream().max(Integer::compare).orElseThrow();
                String victim = counts.keySet().stream().filter(c -> counts.get(c) == most)
                        .min(Comparator.comparing(oldest::get)).orElseThrow();
                list.remove(list.stream().filter(r -> r.campaign().equals(victim)).findFirst().orElseThrow());
            }
        }

        CheckoutStats view() {
            Map<String, List<CheckoutStats.Fire>> recent = new HashMap<>();
            list.forEach(r -> recent.computeIfAbsent(r.campaign(), c -> new ArrayList<>())
                    .add(new CheckoutStats.Fire(r.at(), r.sequence())));
            Map<String, CheckoutStats.Fires> fires = new HashMap<>();
            totals.forEach((c, total) -> fires.put(c, new CheckoutStats.Fires(total, recent.getOrDefault(c, List.of()),
                    last.get(c))));
            return new CheckoutStats(count, fires);
        }
    }
}
