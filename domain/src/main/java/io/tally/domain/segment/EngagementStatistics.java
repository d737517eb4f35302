package io.tally.domain.segment;

import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.Card;
import io.tally.domain.engagement.CardSkus;
import io.tally.domain.engagement.CardStats;
import io.tally.domain.engagement.CardStatsPort;
import java.util.function.Function;

/**
 * A card's {@link MemberStatistics} from the per-card statistics kept exactly once from the ledger and the recorded
 * events ({@link CardStatsPort}, two reads per card): spend converted from ten-thousandths to the minor units of the
 * brand's checkout currency (rounded down, as the filters' bounds are), items from thousandths to whole items
 * (rounded down), orders, visits, the last activity (transaction or event), the SKUs bought (at most
 * {@link MemberStatistics#MAX_SKUS}, the most recently bought: {@link CardSkus}), the value
 * issued and redeemed per value type (the value type's minor units, voids deducted) and the events by category.
 */
public final class EngagementStatistics implements Function<Card, MemberStatistics> {
    /** The statistics' spend is in ten-thousandths of the currency unit. */
    private static final int SPEND_SCALE = 4;
    private final CardStatsPort stats;
    private final CheckoutConfigPort configs;

    public EngagementStatistics(CardStatsPort stats, CheckoutConfigPort configs) {
        this.stats = stats;
        this.configs = configs;
    }

    @Override
    public MemberStatistics apply(Card card) {
        CardStats s = stats.stats(card.brand(), card.number());
        int scale = Math.min(SPEND_SCALE, Math.max(0, configs.load(card.brand()).currency().defaultScale()));
        long divisor = 1;
        for (int i = scale; i < SPEND_SCALE; i++) {
            divisor *= 10;
        }
        return new MemberStatistics(s.ledger().spend() / divisor, s.ledger().orders(), s.ledger().itemsMilli() / 1000,
                s.ledger().visits(), s.lastActivity(), s.ledger().skus().skus(), s.ledger().issued(), s.ledger().redeemed(),
                s.events().byCategory());
    }
}
