package io.tally.domain.campaign;

import io.tally.domain.card.CardNumber;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.SegmentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What campaigns may know about the checkout's card, as of the checkout's instant (from the one head read that the
 * checkout's ledger entry follows, so limits and balances are decided by the same conditional write).
 *
 * @param balances        spendable balance per value type, in minor units
 * @param valueTypes      the value types of the card's program (results need their scale and limits)
 * @param checkoutsBefore committed checkouts of this card before this one (not voided ones)
 * @param fires           for each campaign with a per-card limit, how often it fired on this card and the latest
 *                        firings its per-period limit needs
 * @param segments        whether the card is in each segment looked up for the campaigns in play
 *                        ({@link SegmentLookups}); a segment not in the map was not looked up
 */
public record CardFacts(CardNumber number, ProgramId program, CardSetId cardSet, boolean enrolled,
                        Map<ValueTypeKey, Long> balances, Map<ValueTypeKey, ValueType> valueTypes, long checkoutsBefore,
                        Map<CampaignId, Fired> fires, Map<SegmentId, Boolean> segments) {
    public CardFacts {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        balances = Map.copyOf(balances);
        valueTypes = Map.copyOf(valueTypes);
        fires = Map.copyOf(fires);
        segments = Map.copyOf(segments);
    }

    /**
     * How often a campaign fired on the card in all (not counting voided checkouts), and when it fired last (oldest
     * first): at least as many of the latest firings as its per-period limit counts, while the card's state has room.
     */
    public record Fired(long total, List<Instant> recent) {
        public Fired {
            recent = List.copyOf(recent);
            if (total < recent.size()) {
                throw new IllegalArgumentException("fewer firings in all than recent ones");
            }
        }

        /** Fired exactly at {@code instants}, and never before them. */
        public static Fired at(List<Instant> instants) {
            return new Fired(instants.size(), instants);
        }
    }

    /** Facts of a card whose segment membership was not looked up (no campaign in play names a segment). */
    public CardFacts(CardNumber number, ProgramId program, CardSetId cardSet, boolean enrolled,
                     Map<ValueTypeKey, Long> balances, Map<ValueTypeKey, ValueType> valueTypes, long checkoutsBefore,
                     Map<CampaignId, Fired> fires) {
        this(number, program, cardSet, enrolled, balances, valueTypes, checkoutsBefore, fires, Map.of());
    }
}
