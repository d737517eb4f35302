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
 * @param fires           for each campaign with a per-card limit, when it fired on this card (oldest first)
 * @param segments        whether the card is in each segment looked up for the campaigns in play
 *                        ({@link SegmentLookups}); a segment not in the map was not looked up
 */
public record CardFacts(CardNumber number, ProgramId program, CardSetId cardSet, boolean enrolled,
                        Map<ValueTypeKey, Long> balances, Map<ValueTypeKey, ValueType> valueTypes, long checkoutsBefore,
                        Map<CampaignId, List<Instant>> fires, Map<SegmentId, Boolean> segments) {
    public CardFacts {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        balances = Map.copyOf(balances);
        valueTypes = Map.copyOf(valueTypes);
        fires = Map.copyOf(fires);
        segments = Map.copyOf(segments);
    }

    /** Facts of a card whose segment membership was not looked up (no campaign in play names a segment). */
    public CardFacts(CardNumber number, ProgramId program, CardSetId cardSet, boolean enrolled,
                     Map<ValueTypeKey, Long> balances, Map<ValueTypeKey, ValueType> valueTypes, long checkoutsBefore,
                     Map<CampaignId, List<Instant>> fires) {
        this(number, program, cardSet, enrolled, balances, valueTypes, checkoutsBefore, fires, Map.of());
    }
}
