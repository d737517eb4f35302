package io.tally.domain.segment;

import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.Card;
import io.tally.domain.engagement.CardSkus;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.CardStatsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A card's {@link MemberStatistics} from the per-card statistics kept exactly once from the ledger and the recorded
 * events ({@link CardStatsPort}, two reads per card): spend converted from ten-thousandths to the minor units of the
 * brand's checkout currency (rounded down, as the filters' bounds are), items from thousandths to whole items
 * (rounded down), orders, visits, the last activity (transaction or event), the SKUs bought (at most
 * {@link MemberStatistics#MAX_SKUS}, the most recently bought: {@link CardSkus}), the value
 * issued and redeemed per value type (the value type's minor units, voids deducted) and the events by category.
 * The brand's checkout currency (for the spend's scale) is read once per {@link #CURRENCY_TTL} per brand, not once per
 * card: a page of 100 cards costs the two statistics reads per card and one configuration read.
 */
public final class EngagementStatistics implements Function<Card, MemberStatistics> {
    /** The statistics' spend is in ten-thousandths of the currency unit. */
    private static final int SPEND_SCALE = 4;
    /** How long a brand's currency scale is kept before the checkout configuration is read again. */
    public static final Duration CURRENCY_TTL = Duration.ofMinutes(1);
    private final CardStatsPort stats;
    private final CheckoutConfigPort configs;
    private final Clock clock;
    private final Map<BrandId, Scale> scales = new ConcurrentHashMap<>();

    private record Scale(int digits, Instant readAt) {
    }

    public EngagementStatistics(CardStatsPort stats, CheckoutConfigPort configs, Clock clock) {
        this.stats = stats;
        this.configs = configs;
        this.clock = clock;
    }

    /** With the system clock. */
    public EngagementStatistics(CardStatsPort stats, CheckoutConfigPort configs) {
        this(stats, configs, Clock.systemUTC());
    }

    @Override
    public MemberStatistics apply(Card card) {
        CardStats s = stats.stats(card.brand(), card.number());
        int scale = scale(card.brand());
        long divisor = 1;
        for (int i = scale; i < SPEND_SCALE; i++) {
            divisor *= 10;
        }
        return new MemberStatistics(s.ledger().spend() / divisor, s.ledger().orders(), s.ledger().itemsMilli() / 1000,
                s.ledger().visits(), s.lastActivity(), s.ledger().skus().skus(), s.ledger().issued(), s.ledger().redeemed(),
                s.events().byCategory());
    }

    private int scale(BrandId brand) {
        Instant now = clock.instant();
        Scale kept = scales.get(brand);
        if (kept == null || !now.isBefore(kept.readAt().plus(CURRENCY_TTL)) || now.isBefore(kept.readAt())) {
            int digits = Math.min(SPEND_SCALE, Math.max(0, configs.load(brand).currency().defaultScale()));
            kept = new Scale(digits, now);
            scales.put(brand, kept);
        }
        return kept.digits();
    }
}
