package io.tally.domain.campaign;

import io.tally.domain.campaign.Campaign.AtLocation;
import io.tally.domain.campaign.Campaign.AtLocationGroup;
import io.tally.domain.campaign.Campaign.BalanceAtLeast;
import io.tally.domain.campaign.Campaign.CardProgram;
import io.tally.domain.campaign.Campaign.CardSetOf;
import io.tally.domain.campaign.Campaign.Condition;
import io.tally.domain.campaign.Campaign.CouponPresented;
import io.tally.domain.campaign.Campaign.DaysOfWeek;
import io.tally.domain.campaign.Campaign.EnrollmentIs;
import io.tally.domain.campaign.Campaign.FirstCheckout;
import io.tally.domain.campaign.Campaign.InBasket;
import io.tally.domain.campaign.Campaign.InSegment;
import io.tally.domain.campaign.Campaign.TimeOfDay;
import io.tally.domain.campaign.Campaign.TotalAtLeast;
import io.tally.domain.program.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Decides one condition against the checkout as campaigns fired so far left it: empty if it holds, else why not. */
final class ConditionCheck {
    static final String NEEDS_CARD = "needs a card";

    private ConditionCheck() {
    }

    static Optional<String> failure(Condition condition, Progress p) {
        Situation s = p.situation;
        if (condition instanceof TotalAtLeast c) {
            BigDecimal total = s.basket().checkoutTotal();
            return failIf(total.compareTo(c.amount()) < 0,
                    () -> "checkout total " + p.money(total) + " is below " + p.money(c.amount()));
        }
        if (condition instanceof InBasket c) {
            Progress.Matched m = p.matched(c.items());
            if (m.quantity().signum() == 0) {
                return Optional.of(c.items().none() + " in the basket");
            }
            return failIf(m.quantity().compareTo(c.minQuantity()) < 0, () -> m.quantity().stripTrailingZeros().toPlainString()
                    + " of " + c.items().describe() + " in the basket, needs " + c.minQuantity().toPlainString());
        }
        if (condition instanceof CouponPresented c) {
            boolean present = s.coupons().stream()
                    .anyMatch(k -> c.sets().contains(k.set()) && !p.couponsToUse.contains(k.code()));
            return failIf(!present, () -> "no coupon of set " + oneOf(c.sets()) + " presented");
        }
        if (condition instanceof DaysOfWeek c) {
            var day = local(p).getDayOfWeek();
            return failIf(!c.days().contains(day), () -> "checkout on a " + Campaign.CampaignText.day(day) + ", not "
                    + c.describe());
        }
        if (condition instanceof TimeOfDay c) {
            var time = local(p).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            return failIf(!c.contains(local(p).toLocalTime()), () -> "time " + time + " is not " + c.describe());
        }
        if (condition instanceof AtLocation c) {
            return failIf(!c.locations().contains(s.location()),
                    () -> "location " + s.location() + " is not " + oneOf(c.locations()));
        }
        if (condition instanceof AtLocationGroup c) {
            return failIf(!c.groups().contains(s.group()),
                    () -> "location group " + s.group() + " is not " + oneOf(c.groups()));
        }
        if (condition instanceof Campaign.EventOfCategory) {
            return Optional.of("fires on recorded events, not at a checkout");
        }
        if (s.card().isEmpty()) {
            return Optional.of(NEEDS_CARD);
        }
        return cardFailure(condition, p, s.card().get());
    }

    private static Optional<String> cardFailure(Condition condition, Progress p, CardFacts card) {
        if (condition instanceof CardProgram c) {
            return failIf(!c.programs().contains(card.program()),
                    () -> "card's program " + card.program() + " is not " + oneOf(c.programs()));
        }
        if (condition instanceof CardSetOf c) {
            return failIf(!c.cardSets().contains(card.cardSet()),
                    () -> "card's card set " + card.cardSet() + " is not " + oneOf(c.cardSets()));
        }
        if (condition instanceof BalanceAtLeast c) {
            Optional<ValueType> type = p.valueType(c.valueType());
            if (type.isEmpty()) {
                return Optional.of(noBalance(c.valueType()));
            }
            int scale = type.get().scale();
            long needed = c.amount().movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
            long balance = p.balance(c.valueType());
            return failIf(balance < needed, () -> c.valueType() + " balance " + BigDecimal.valueOf(balance, scale).toPlainString()
                    + " is below " + BigDecimal.valueOf(needed, scale).toPlainString());
        }
        if (condition instanceof FirstCheckout) {
            return failIf(card.checkoutsBefore() > 0,
                    () -> "not the card's first checkout (" + card.checkoutsBefore() + " before)");
        }
        if (condition instanceof EnrollmentIs c) {
            return failIf(card.enrolled() != c.enrolled(), () -> card.enrolled() ? "card enrolled" : "card not enrolled");
        }
        if (condition instanceof InSegment c) {
            if (c.segments().stream().anyMatch(k -> card.segments().getOrDefault(k, false))) {
                return Optional.empty();
            }
            return Optional.of(c.segments().stream().allMatch(card.segments()::containsKey)
                    ? "card is not in segment " + oneOf(c.segments()) : SegmentLookups.NOT_LOOKED_UP);
        }
        throw new IllegalStateException("no check for condition " + condition);
    }

    static String noBalance(io.tally.domain.program.ValueTypeKey key) {
        return "the card's program has no " + key + " balance";
    }

    private static ZonedDateTime local(Progress p) {
        return p.situation.at().atZone(p.config.zone());
    }

    private static String oneOf(Collection<?> values) {
        return values.size() == 1 ? values.iterator().next().toString()
                : "one of " + values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static Optional<String> failIf(boolean failed, java.util.function.Supplier<String> why) {
        return failed ? Optional.of(why.get()) : Optional.empty();
    }
}
