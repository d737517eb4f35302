package io.tally.domain.fakes;

import io.tally.domain.communication.Attribution;
import io.tally.domain.communication.MailingRevenuePort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link MailingRevenuePort}: one slot per brand and checkout, holding the attribution and/or the void, as the
 * DynamoDB adapter's one item does; sums on read.
 */
public final class InMemoryMailingRevenue implements MailingRevenuePort {
    private record Slot(Optional<Attribution> attribution, Optional<Instant> voidedAt) {
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    @Override
    public boolean attribute(Attribution a) {
        return slots.putIfAbsent(key(a.brand(), a.checkout()), new Slot(Optional.of(a), Optional.empty())) == null;
    }

    @Override
    public void voided(BrandId brand, String checkout, Instant at) {
        slots.compute(key(brand, checkout), (k, s) -> s == null ? new Slot(Optional.empty(), Optional.of(at))
                : s.voidedAt().isPresent() ? s : new Slot(s.attribution(), Optional.of(at)));
    }

    @Override
    public Revenue ofMailing(BrandId brand, String mailing) {
        Revenue r = Revenue.NONE;
        for (Attribution a : live(brand)) {
            if (a.mailing().equals(mailing)) {
                r = r.plus(a.amount());
            }
        }
        return r;
    }

    @Override
    public List<DailyRevenue> daily(BrandId brand, LocalDate from, LocalDate to, Optional<String> skuTag) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("a period of 1.." + MAX_DAYS + " days: " + from + ".." + to);
        }
        Map<List<String>, DailyRevenue> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3)));
        for (Attribution a : live(brand)) {
            long amount = skuTag.map(t -> a.tags().getOrDefault(t, 0L)).orElse(a.amount());
            if (!a.day().isBefore(from) && !a.day().isAfter(to) && amount > 0) {
                String location = a.location().orElse("");
                sums.merge(List.of(a.day().toString(), a.mailing(), location, a.channel().name()),
                        new DailyRevenue(a.day(), a.mailing(), a.channel(), location, Revenue.NONE.plus(amount)),
                        (x, y) -> new DailyRevenue(x.day(), x.mailing(), x.channel(), x.location(),
                                x.revenue().plus(y.revenue())));
            }
        }
        return List.copyOf(sums.values());
    }

    private List<Attribution> live(BrandId brand) {
        List<Attribution> live = new ArrayList<>();
        slots.values().forEach(s -> s.attribution().filter(a -> a.brand().equals(brand) && s.voidedAt().isEmpty())
                .ifPresent(live::add));
        return live;
    }

    private static String key(BrandId brand, String checkout) {
        return brand.value() + "/" + checkout;
    }
}
