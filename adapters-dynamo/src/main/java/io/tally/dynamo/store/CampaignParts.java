package io.tally.dynamo.store;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.Campaign.AddToBalance;
import io.tally.domain.campaign.Campaign.Award;
import io.tally.domain.campaign.Campaign.AllocateCoupon;
import io.tally.domain.campaign.Campaign.AtLocation;
import io.tally.domain.campaign.Campaign.AtLocationGroup;
import io.tally.domain.campaign.Campaign.BalanceAtLeast;
import io.tally.domain.campaign.Campaign.CardProgram;
import io.tally.domain.campaign.Campaign.CardSetOf;
import io.tally.domain.campaign.Campaign.Condition;
import io.tally.domain.campaign.Campaign.CouponPresented;
import io.tally.domain.campaign.Campaign.DaysOfWeek;
import io.tally.domain.campaign.Campaign.Discount;
import io.tally.domain.campaign.Campaign.Earn;
import io.tally.domain.campaign.Campaign.EnrollmentIs;
import io.tally.domain.campaign.Campaign.EventOfCategory;
import io.tally.domain.campaign.Campaign.FirstCheckout;
import io.tally.domain.campaign.Campaign.InBasket;
import io.tally.domain.campaign.Campaign.InSegment;
import io.tally.domain.campaign.Campaign.Items;
import io.tally.domain.campaign.Campaign.Message;
import io.tally.domain.campaign.Campaign.Result;
import io.tally.domain.campaign.Campaign.TimeOfDay;
import io.tally.domain.campaign.Campaign.TotalAtLeast;
import io.tally.domain.campaign.Campaign.UseCoupon;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A campaign's conditions and results as stored: each one a map with a {@code kind} and the few attributes that kind
 * has, every kind mapped explicitly both ways (no serialization of Java types). Decimals are stored as their plain
 * text, so their scale survives; sets as sorted lists of their ids.
 */
final class CampaignParts {
    /** One condition or result as a document; the attributes a kind does not use are null (left out). */
    record Part(String kind, String amount, List<String> skus, String tag, List<String> values, String valueType,
                String from, String to, Boolean flag, String rate, String multiplier, String text) {
        static Part of(String kind) {
            return new Part(kind, null, null, null, null, null, null, null, null, null, null, null);
        }

        Part amount(BigDecimal a) {
            return new Part(kind, a.toPlainString(), skus, tag, values, valueType, from, to, flag, rate, multiplier, text);
        }

        Part items(Optional<Items> items) {
            return items.map(i -> new Part(kind, amount, List.copyOf(i.skus()), i.tag().orElse(null), values, valueType,
                    from, to, flag, rate, multiplier, text)).orElse(this);
        }

        <T> Part values(Collection<T> ids) {
            return new Part(kind, amount, skus, tag, ids.stream().map(Object::toString).toList(), valueType, from, to, flag,
                    rate, multiplier, text);
        }

        Part valueType(ValueTypeKey key) {
            return new Part(kind, amount, skus, tag, values, key.asText(), from, to, flag, rate, multiplier, text);
        }

        Part times(LocalTime f, LocalTime t) {
            return new Part(kind, amount, skus, tag, values, valueType, f.toString(), t.toString(), flag, rate, multiplier, text);
        }

        Part flag(boolean f) {
            return new Part(kind, amount, skus, tag, values, valueType, from, to, f, rate, multiplier, text);
        }

        Part rate(BigDecimal r, BigDecimal m) {
            return new Part(kind, amount, skus, tag, values, valueType, from, to, flag, r.toPlainString(), m.toPlainString(), text);
        }

        Part text(String t) {
            return new Part(kind, amount, skus, tag, values, valueType, from, to, flag, rate, multiplier, t);
        }

        BigDecimal decimal() {
            return new BigDecimal(amount);
        }

        Optional<Items> itemsOrNone() {
            if ((skus == null || skus.isEmpty()) && tag == null) {
                return Optional.empty();
            }
            return Optional.of(new Items(skus == null ? java.util.Set.of() : java.util.Set.copyOf(skus), Optional.ofNullable(tag)));
        }

        <T> java.util.Set<T> ids(Function<String, T> make) {
            return values.stream().map(make).collect(java.util.stream.Collectors.toSet());
        }
    }

    static final StaticImmutableTableSchema<Part, ItemValues> SCHEMA = ItemSchema.of(Part.class, v -> new Part(
                    v.string("kind"), v.optString("amount").orElse(null), v.list("skus"), v.optString("tag").orElse(null),
                    v.list("values"), v.optString("valueType").orElse(null), v.optString("from").orElse(null),
                    v.optString("to").orElse(null), v.bool("flag"), v.optString("rate").orElse(null),
                    v.optString("multiplier").orElse(null), v.optString("text").orElse(null)))
            .string("kind", Part::kind)
            .string("amount", Part::amount)
            .stringList("skus", Part::skus)
            .string("tag", Part::tag)
            .stringList("values", Part::values)
            .string("valueType", Part::valueType)
            .string("from", Part::from)
            .string("to", Part::to)
            .bool("flag", Part::flag)
            .string("rate", Part::rate)
            .string("multiplier", Part::multiplier)
            .string("text", Part::text)
            .build();

    private CampaignParts() {
    }

    static Part of(Condition condition) {
        if (condition instanceof TotalAtLeast c) {
            return Part.of("totalAtLeast").amount(c.amount());
        } else if (condition instanceof InBasket c) {
            return Part.of("inBasket").amount(c.minQuantity()).items(Optional.of(c.items()));
        } else if (condition instanceof CouponPresented c) {
            return Part.of("couponPresented").values(c.sets());
        } else if (condition instanceof CardProgram c) {
            return Part.of("cardProgram").values(c.programs());
        } else if (condition instanceof CardSetOf c) {
            return Part.of("cardSet").values(c.cardSets());
        } else if (condition instanceof BalanceAtLeast c) {
            return Part.of("balanceAtLeast").valueType(c.valueType()).amount(c.amount());
        } else if (condition instanceof DaysOfWeek c) {
            return Part.of("daysOfWeek").values(c.days().stream().map(DayOfWeek::name).toList());
        } else if (condition instanceof TimeOfDay c) {
            return Part.of("timeOfDay").times(c.from(), c.to());
        } else if (condition instanceof AtLocation c) {
            return Part.of("location").values(c.locations());
        } else if (condition instanceof AtLocationGroup c) {
            return Part.of("locationGroup").values(c.groups());
        } else if (condition instanceof FirstCheckout) {
            return Part.of("firstCheckout");
        } else if (condition instanceof EnrollmentIs c) {
            return Part.of("enrolled").flag(c.enrolled());
        } else if (condition instanceof EventOfCategory c) {
            Part p = Part.of("eventOfCategory").values(List.of(c.category()));
            return c.minValue().map(p::amount).orElse(p);
        } else if (condition instanceof InSegment c) {
            return Part.of("inSegment").values(c.segments());
        }
        throw new IllegalArgumentException("no stored form for condition " + condition);
    }

    static Condition condition(Part p) {
        return switch (p.kind()) {
            case "totalAtLeast" -> new TotalAtLeast(p.decimal());
            case "inBasket" -> new InBasket(p.itemsOrNone().orElseThrow(), p.decimal());
            case "couponPresented" -> new CouponPresented(p.ids(CouponSetId::new));
            case "cardProgram" -> new CardProgram(p.ids(ProgramId::new));
            case "cardSet" -> new CardSetOf(p.ids(CardSetId::new));
            case "balanceAtLeast" -> new BalanceAtLeast(ValueTypeKey.parseText(p.valueType()), p.decimal());
            case "daysOfWeek" -> new DaysOfWeek(p.ids(DayOfWeek::valueOf));
            case "timeOfDay" -> new TimeOfDay(LocalTime.parse(p.from()), LocalTime.parse(p.to()));
            case "location" -> new AtLocation(p.ids(LocationId::new));
            case "locationGroup" -> new AtLocationGroup(p.ids(LocationGroupId::new));
            case "firstCheckout" -> new FirstCheckout();
            case "enrolled" -> new EnrollmentIs(Boolean.TRUE.equals(p.flag()));
            case "eventOfCategory" -> new EventOfCategory(new EventCategoryId(p.values().get(0)),
                    Optional.ofNullable(p.amount()).map(BigDecimal::new));
            case "inSegment" -> new InSegment(p.ids(SegmentId::new));
            default -> throw new IllegalStateException("unknown condition kind " + p.kind());
        };
    }

    static Part of(Result result) {
        if (result instanceof Discount r) {
            return Part.of("discount").amount(r.value()).flag(r.percent()).items(r.on());
        } else if (result instanceof Earn r) {
            return Part.of("earn").valueType(r.valueType()).rate(r.rate(), r.multiplier()).items(r.on());
        } else if (result instanceof AddToBalance r) {
            return Part.of("addToBalance").valueType(r.valueType()).amount(r.amount());
        } else if (result instanceof AllocateCoupon r) {
            return Part.of("allocateCoupon").values(List.of(r.set()));
        } else if (result instanceof UseCoupon r) {
            return Part.of("useCoupon").values(List.of(r.set()));
        } else if (result instanceof Message r) {
            return Part.of("message").text(r.text());
        } else if (result instanceof Award r) {
            return Part.of("award").valueType(r.valueType()).amount(r.amount());
        }
        throw new IllegalArgumentException("no stored form for result " + result);
    }

    static Result result(Part p) {
        return switch (p.kind()) {
            case "discount" -> new Discount(p.decimal(), Boolean.TRUE.equals(p.flag()), p.itemsOrNone());
            case "earn" -> new Earn(ValueTypeKey.parseText(p.valueType()), new BigDecimal(p.rate()),
                    new BigDecimal(p.multiplier()), p.itemsOrNone());
            case "addToBalance" -> new AddToBalance(ValueTypeKey.parseText(p.valueType()), p.decimal());
            case "allocateCoupon" -> new AllocateCoupon(new CouponSetId(p.values().get(0)));
            case "useCoupon" -> new UseCoupon(new CouponSetId(p.values().get(0)));
            case "message" -> new Message(p.text());
            case "award" -> new Award(ValueTypeKey.parseText(p.valueType()), p.decimal());
            default -> throw new IllegalStateException("unknown result kind " + p.kind());
        };
    }

}
