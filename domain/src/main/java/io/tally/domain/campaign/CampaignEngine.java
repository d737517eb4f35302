package io.tally.domain.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a brand's campaigns against one checkout. Pure: nothing is read or written, the caller commits the
 * {@link Evaluation}. The rules (also in docs/API.md, "Campaigns"):
 * <ol>
 * <li><b>Considered</b>: campaigns that are not event campaigns ({@link Campaign#onEvent}: those fire on recorded
 * events, {@link EventCampaignsListener}), enabled and inside their window at {@link Situation#at} (validFrom inclusive, validTo
 * exclusive), in priority order (lower first, then by id). Others get no explanation.</li>
 * <li><b>In turn</b>: each campaign sees the card's balances as the results of the campaigns fired before it in the same
 * checkout changed them, the discounts they gave (a percentage, the points earned on "spent" apply to what is left)
 * and the coupons they marked used (a coupon is used by one campaign only). So a punch card is configuration: "+1
 * punch per coffee" at priority 1, then "at 10 punches: a free-coffee coupon and -10 punches" at priority 2 fires on
 * the tenth punch.</li>
 * <li><b>Not stackable</b>: a non-stackable campaign fires only if nothing fired before it, and once it fired nothing
 * after it fires.</li>
 * <li><b>Checks, first failure explained</b>: stacking; the total limit ({@link Situation#exhausted}); a card for a
 * campaign that changes the card or has per-card limits ("needs a card"); the per-card limits (in all, and within the
 * rolling period ending at the checkout, from {@link CardFacts#fires}: the limit in all from its total, the per-period
 * one from its latest firings); the conditions in order; the value types its
 * results change existing in the card's program. A campaign fires whole or not at all.</li>
 * <li><b>Results</b>: discounts are capped at what they apply to and at what is left of the basket; percentages are
 * rounded to the currency's scale HALF_UP. Earned value is floored to the value type's minor units. A take from a
 * balance is limited to the projected balance. Balance changes are summed per value type in the order value types were
 * first named; a net zero is left out. {@code totalDiscount} never exceeds the basket's total.</li>
 * </ol>
 */
public final class CampaignEngine {
    /** The order campaigns are evaluated in: priority, then id. */
    public static final Comparator<Campaign> ORDER =
            Comparator.comparingInt(Campaign::priority).thenComparing(c -> c.id().value());

    private CampaignEngine() {
    }

    public static Evaluation evaluate(CheckoutConfig config, Situation situation) {
        Progress p = new Progress(config, situation);
        List<Evaluation.Explanation> explanations = new ArrayList<>();
        List<Campaign> considered = config.campaigns().stream()
                .filter(c -> !c.onEvent() && c.activeAt(situation.at())).sorted(ORDER)
                .toList();
        Optional<Campaign> firstFired = Optional.empty();
        for (Campaign c : considered) {
            Optional<String> failed = stacking(c, firstFired)
                    .or(() -> limits(c, situation))
                    .or(() -> conditions(c, p))
                    .or(() -> ResultEffects.failure(c, p));
            if (failed.isEmpty()) {
                ResultEffects.apply(c, p);
                firstFired = firstFired.or(() -> Optional.of(c));
            }
            explanations.add(new Evaluation.Explanation(c.id(), failed.isEmpty(), failed));
        }
        Map<io.tally.domain.program.ValueTypeKey, Long> changes = new LinkedHashMap<>(p.changes);
        changes.values().removeIf(v -> v == 0);
        BigDecimal total = p.discounted.min(situation.basket().checkoutTotal());
        return new Evaluation(changes, p.discounts, total, p.rewardCoupons, List.copyOf(p.couponsToUse), p.messages,
                explanations);
    }

    private static Optional<String> stacking(Campaign c, Optional<Campaign> firstFired) {
        if (firstFired.isEmpty()) {
            return Optional.empty();
        }
        if (!firstFired.get().stackable()) {
            return Optional.of("campaign " + firstFired.get().id() + " fired and is not stackable");
        }
        if (!c.stackable()) {
            return Optional.of("not stackable, and campaign " + firstFired.get().id() + " fired before it");
        }
        return Optional.empty();
    }

    private static Optional<String> limits(Campaign c, Situation s) {
        Campaign.Limits limits = c.limits();
        if (s.exhausted().contains(c.id())) {
            return Optional.of("total limit" + limits.total().map(n -> " of " + n).orElse("") + " reached");
        }
        if (c.needsCard() && s.card().isEmpty()) {
            return Optional.of(ConditionCheck.NEEDS_CARD);
        }
        if (!limits.perCardLimited()) {
            return Optional.empty();
        }
        CardFacts.Fired fired = s.card().orElseThrow().fires().getOrDefault(c.id(), CardFacts.Fired.at(List.of()));
        if (limits.perCard().isPresent() && fired.total() >= limits.perCard().get()) {
            return Optional.of("limit of " + limits.perCard().get() + " per card reached");
        }
        if (limits.perCardPerPeriod().isPresent()) {
            Campaign.PerPeriod period = limits.perCardPerPeriod().get();
            Instant since = s.at().minus(period.period());
            long recent = fired.recent().stream().filter(t -> t.isAfter(since) && !t.isAfter(s.at())).count();
            if (recent >= period.times()) {
                return Optional.of("limit of " + period.describe() + " reached");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> conditions(Campaign c, Progress p) {
        for (Campaign.Condition condition : c.conditions()) {
            Optional<String> failed = ConditionCheck.failure(condition, p);
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }
}
