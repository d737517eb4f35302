package io.tally.domain.engagement.score;

import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A card's customer score (issue 14; the glossary's Customer Score: 0 for an inactive customer, 100 for the top
 * ones), the sum of four components of 0-25 each, computed from the card's statistics ({@link CardStats}) and the
 * moment it is computed as of, and from nothing else (so a rerun of the job for the same day gives the same score):
 * <ul>
 *   <li><b>recency</b> = 25 − min(25, ⌊d / 14⌋), d the whole days from the last activity (the newer of the last
 *   customer transaction and the last recorded event) to {@code asOf} (0 if the activity is later); 0 without any
 *   activity. Active in the last two weeks: 25; one point less per further fortnight; nothing after 350 days.</li>
 *   <li><b>frequency</b> = min(25, 5 × bitLength(n)), n = max(visits, orders) over the card's life: 0 for none,
 *   5 for one, 10 for 2-3, 15 for 4-7, 20 for 8-15, 25 from 16 (a log scale: each doubling is worth 5).</li>
 *   <li><b>spend</b> = min(25, ⌊25 × spend / reference⌋), spend and the brand's reference both in ten-thousandths of
 *   the checkout currency ({@link #DEFAULT_SPEND_REFERENCE}: 500.0000); the reference or more earns 25.</li>
 *   <li><b>engagement</b> = clamp(5 × (positive − negative) + min(neutral, 25), 0, 25) over the card's recorded
 *   events by sentiment: five per net positive event, one per neutral event, never below 0 (negative events only: 0).</li>
 * </ul>
 */
public record CustomerScore(int recency, int frequency, int spend, int engagement) {
    public static final int COMPONENT_MAX = 25;
    public static final int MAX = 4 * COMPONENT_MAX;
    /** The spend that earns the whole spend component unless the brand sets its own: 500 in ten-thousandths. */
    public static final long DEFAULT_SPEND_REFERENCE = 500_0000L;
    private static final int RECENCY_DAYS_PER_POINT = 14;
    private static final int FREQUENCY_PER_DOUBLING = 5;
    private static final int ENGAGEMENT_PER_NET_EVENT = 5;

    public CustomerScore {
        for (int part : new int[] {recency, frequency, spend, engagement}) {
            if (part < 0 || part > COMPONENT_MAX) {
                throw new IllegalArgumentException("a score component is 0-25: " + part);
            }
        }
    }

    public int total() {
        return recency + frequency + spend + engagement;
    }

    /** The score of {@code stats} as of {@code asOf}, with the brand's {@code spendReference} (positive). */
    public static CustomerScore of(CardStats stats, Instant asOf, long spendReference) {
        Objects.requireNonNull(asOf, "asOf");
        if (spendReference <= 0) {
            throw new IllegalArgumentException("the spend reference is positive");
        }
        return new CustomerScore(recency(stats.lastActivity(), asOf),
                frequency(Math.max(stats.ledger().visits(), stats.ledger().orders())),
                spend(stats.ledger().spend(), spendReference),
                engagement(count(stats, Sentiment.POSITIVE), count(stats, Sentiment.NEUTRAL),
                        count(stats, Sentiment.NEGATIVE)));
    }

    static int recency(Optional<Instant> lastActivity, Instant asOf) {
        if (lastActivity.isEmpty()) {
            return 0;
        }
        long days = lastActivity.get().isAfter(asOf) ? 0 : Duration.between(lastActivity.get(), asOf).toDays();
        return COMPONENT_MAX - (int) Math.min(COMPONENT_MAX, days / RECENCY_DAYS_PER_POINT);
    }

    static int frequency(long times) {
        return Math.min(COMPONENT_MAX, FREQUENCY_PER_DOUBLING * (Long.SIZE - Long.numberOfLeadingZeros(times)));
    }

    static int spend(long spend, long reference) {
        if (spend >= reference) {
            return COMPONENT_MAX;
        }
        // spend < reference, so 25 × spend fits unless reference is beyond Long.MAX_VALUE / 25: scale both down then.
        long s = spend;
        long r = reference;
        while (s > Long.MAX_VALUE / COMPONENT_MAX) {
            s /= 2;
            r /= 2;
        }
        return (int) (COMPONENT_MAX * s / r);
    }

    static int engagement(long positive, long neutral, long negative) {
        long net = Math.max(-COMPONENT_MAX - 1, Math.min(COMPONENT_MAX + 1, positive - negative));
        long points = ENGAGEMENT_PER_NET_EVENT * net + Math.min(neutral, COMPONENT_MAX);
        return (int) Math.max(0, Math.min(COMPONENT_MAX, points));
    }

    private static long count(CardStats stats, Sentiment sentiment) {
        return stats.events().bySentiment().getOrDefault(sentiment.wireName(), 0L);
    }
}
