package io.tally.domain.fakes;

import io.tally.domain.checkout.AnonymousCheckout;
import io.tally.domain.checkout.CheckoutRecordPort;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Anonymous checkout records in memory; ids are unique per brand. */
public final class InMemoryCheckoutRecordPort implements CheckoutRecordPort {
    private final Map<String, AnonymousCheckout> records = new ConcurrentHashMap<>();

    private static String key(BrandId brand, TransactionId id) {
        return brand.value() + "#" + id.value();
    }

    @Override
    public boolean create(AnonymousCheckout checkout) {
        return records.putIfAbsent(key(checkout.brand(), checkout.transactionId()), checkout) == null;
    }

    @Override
    public Optional<AnonymousCheckout> find(BrandId brand, TransactionId id) {
        return Optional.ofNullable(records.get(key(brand, id)));
    }

    @Override
    public boolean markVoided(BrandId brand, TransactionId id, Instant at) {
        boolean[] done = {false};
        records.computeIfPresent(key(brand, id), (k, r) -> {
            if (r.voidedAt().isPresent()) {
                return r;
            }
            done[0] = true;
            return new AnonymousCheckout(r.brand(), r.transactionId(), r.at(), r.origin(), r.facts(), Optional.of(at));
        });
        return done[0];
    }
}
