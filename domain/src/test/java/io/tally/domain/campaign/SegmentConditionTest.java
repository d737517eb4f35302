package io.tally.domain.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.Campaign.Condition;
import io.tally.domain.campaign.Campaign.InSegment;
import io.tally.domain.card.CardNumber;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.fakes.CheckoutWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.SegmentMembershipPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The "card in segment" condition: membership is the port's answer (the latest READY snapshot), looked up once per
 * distinct segment named by the campaigns in play, at most {@link SegmentLookups#MAX_LOOKUPS}, before the campaigns are
 * evaluated.
 */
class SegmentConditionTest {
    private static final SegmentId VIP = new SegmentId("seg-vip");
    private static final SegmentId LAPSED = new SegmentId("seg-lapsed");
    private static final SegmentId NEVER_EVALUATED = new SegmentId("seg-new");

    private final CheckoutWorld shop = new CheckoutWorld();
    private final TestWorld w = shop.world;
    private final List<SegmentId> asked = new ArrayList<>();
    private final Set<String> members = new HashSet<>();

    SegmentConditionTest() {
        shop.segments = (brand, segment, card) -> {
            asked.add(segment);
            return brand.equals(TestWorld.BRAND) && members.contains(segment.value() + "/" + card.value());
        };
    }

    private static Campaign bonus(String id, int priority, Condition... conditions) {
        return CheckoutWorld.campaign(id, priority, List.of(conditions),
                List.of(new Campaign.AddToBalance(CheckoutWorld.PUNCHES, BigDecimal.ONE)));
    }

    private static InSegment in(SegmentId... segments) {
        return new InSegment(Set.of(segments));
    }

    private Outcome<CheckoutUseCase.CheckoutResult> buy(CardNumber card) {
        return shop.buy(card, CheckoutWorld.basket("BAGEL", 1, "3.00"));
    }

    private static Map<String, String> explained(Outcome<CheckoutUseCase.CheckoutResult> result) {
        Map<String, String> why = new java.util.TreeMap<>();
        result.value().facts().explanations().forEach(x -> why.put(x.campaign(), x.fired() ? "fired" : x.failed().orElseThrow()));
        return why;
    }

    @Test
    void a_card_in_a_segment_gets_the_campaign_and_one_outside_or_never_evaluated_does_not() {
        shop.config = CheckoutWorld.demoConfig(List.of(bonus("vip", 1, in(VIP)), bonus("fresh", 2, in(NEVER_EVALUATED))));
        CardNumber inside = w.activeCard();
        CardNumber outside = w.activeCard();
        members.add(VIP + "/" + inside.value());

        assertEquals(Map.of("vip", "fired", "fresh", "card is not in segment seg-new"), explained(buy(inside)));
        assertEquals(1, shop.balance(inside, CheckoutWorld.PUNCHES));
        assertEquals(Map.of("vip", "card is not in segment seg-vip", "fresh", "card is not in segment seg-new"),
                explained(buy(outside)));
        assertEquals(0, shop.balance(outside, CheckoutWorld.PUNCHES));
    }

    @Test
    void several_segments_hold_when_the_card_is_in_any_and_each_is_looked_up_once() {
        shop.config = CheckoutWorld.demoConfig(List.of(bonus("either", 1, in(VIP, LAPSED)), bonus("lapsed", 2, in(LAPSED)),
                bonus("both", 3, in(VIP), in(LAPSED))));
        CardNumber card = w.activeCard();
        members.add(LAPSED + "/" + card.value());

        assertEquals(Map.of("either", "fired", "lapsed", "fired", "both", "card is not in segment seg-vip"),
                explained(buy(card)));
        assertEquals(List.of(LAPSED, VIP), asked.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList(),
                "two distinct segments, two reads");
    }

    @Test
    void only_the_campaigns_in_play_are_looked_up_and_a_sale_without_a_card_reads_nothing() {
        Campaign disabled = new Campaign(TestWorld.BRAND, new CampaignId("off"), "off", false, Optional.empty(),
                Optional.empty(), 1, true, List.of(in(LAPSED)), List.of(new Campaign.Message("hi")), Campaign.Limits.NONE);
        Campaign over = new Campaign(TestWorld.BRAND, new CampaignId("over"), "over", true, Optional.empty(),
                Optional.of(w.clock.instant()), 1, true, List.of(in(NEVER_EVALUATED)), List.of(new Campaign.Message("hi")),
                Campaign.Limits.NONE);
        shop.config = CheckoutWorld.demoConfig(List.of(disabled, over, bonus("vip", 3, in(VIP)),
                CheckoutWorld.campaign("vip-hello", 4, List.of(in(VIP)), List.of(new Campaign.Message("Hello VIP")))));
        CardNumber card = w.activeCard();

        buy(card);
        assertEquals(List.of(VIP), asked);

        asked.clear();
        var anonymous = shop.checkout.checkout(shop.command(Optional.empty(), CheckoutWorld.basket("BAGEL", 1, "3.00"),
                List.of(), List.of(), false, Optional.empty(), shop.info()));
        assertEquals(List.of(), asked);
        assertEquals(Map.of("vip", "needs a card", "vip-hello", "needs a card"), explained(anonymous));
    }

    @Test
    void lookups_stop_at_their_budget_and_a_condition_past_it_says_so() {
        List<Campaign> many = new ArrayList<>();
        IntStream.range(0, SegmentLookups.MAX_LOOKUPS + 1).forEach(i -> many.add(CheckoutWorld.campaign(
                String.format("c%02d", i), i + 1, List.of(in(new SegmentId("seg-" + i))), List.of(new Campaign.Message("m" + i)))));
        shop.config = CheckoutWorld.demoConfig(many);
        CardNumber card = w.activeCard();
        members.add("seg-" + SegmentLookups.MAX_LOOKUPS + "/" + card.value());

        Map<String, String> why = explained(buy(card));

        assertEquals(SegmentLookups.MAX_LOOKUPS, asked.size());
        assertEquals("card is not in segment seg-0", why.get("c00"));
        assertEquals(SegmentLookups.NOT_LOOKED_UP, why.get("c" + SegmentLookups.MAX_LOOKUPS));
    }

    @Test
    void the_engine_decides_on_the_memberships_in_the_card_facts() {
        SegmentMembershipPort port = (brand, segment, card) -> segment.equals(VIP);
        Campaign vip = bonus("vip", 1, in(VIP));
        Map<SegmentId, Boolean> looked = SegmentLookups.lookUp(port, new BrandId("DEMO"), new CardNumber("6100000000000006"),
                List.of(vip));
        assertEquals(Map.of(VIP, true), looked);
        assertThrows(IllegalArgumentException.class, () -> new InSegment(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new InSegment(new HashSet<>(IntStream.range(0,
                InSegment.MAX_SEGMENTS + 1).mapToObj(i -> new SegmentId("s" + i)).toList())));
        assertTrue(in(VIP, LAPSED).describe().equals("card in segment one of seg-lapsed, seg-vip"));
    }
}
