package io.tally.dynamo.store;

import io.tally.domain.checkout.AnonymousCheckout;
import io.tally.domain.checkout.CheckoutRecordPort;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Anonymous checkout records (A33): {@code CHECKOUT#b#<transactionId> / CHECKOUT}, the sale as a CHECKOUT entry stores it
 * ({@link LedgerItems.Checkouts#CHECKOUT}), created with {@code attribute_not_exists(PK)} (the record is the sale's commit) and
 * voided once by a put conditional on {@code attribute_not_exists(voidedAt)} and the brand.
 */
final class DynamoCheckoutRecords implements CheckoutRecordPort {
    static final String TYPE = "Checkout";

    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<AnonymousCheckout, ItemValues> RECORD = ItemSchema.of(AnonymousCheckout.class,
                        DynamoCheckoutRecords::record)
                .key(TYPE, r -> Keys.checkout(r.brand().value(), r.transactionId().value()), r -> Keys.CHECKOUT_SK)
                .string("brand", r -> r.brand().value())
                .string("txn", r -> r.transactionId().value())
                .string("at", r -> r.at().toString())
                .document("origin", Origin.class, LedgerItems.ORIGIN, AnonymousCheckout::origin)
                .document("checkout", CheckoutFacts.class, LedgerItems.Checkouts.CHECKOUT, AnonymousCheckout::facts)
                .string("voidedAt", r -> r.voidedAt().map(Instant::toString).orElse(null))
                .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<AnonymousCheckout>> records;

    DynamoCheckoutRecords(Table table) {
        this.table = table;
        this.records = table.lazily(() -> Schemas.RECORD);
    }

    @Override
    public boolean create(AnonymousCheckout checkout) {
        return table.putIfAbsent(records.get(), checkout);
    }

    @Override
    public Optional<AnonymousCheckout> find(BrandId brand, TransactionId id) {
        return table.get(records.get(), Keys.checkout(brand.value(), id.value()), Keys.CHECKOUT_SK, true)
                .filter(r -> r.brand().equals(brand));
    }

    @Override
    public boolean markVoided(BrandId brand, TransactionId id, Instant at) {
        Optional<AnonymousCheckout> found = find(brand, id);
        if (found.isEmpty() || found.get().voidedAt().isPresent()) {
            return false;
        }
        AnonymousCheckout r = found.get();
        return table.putIf(records.get(), new AnonymousCheckout(r.brand(), r.transactionId(), r.at(), r.origin(), r.facts(), Optional.of(at)),
                Table.condition("attribute_exists(PK) AND attribute_not_exists(voidedAt) AND brand = :b", Map.of(),
                        Map.of(":b", AttributeValue.fromS(brand.value()))));
    }

    private static AnonymousCheckout record(ItemValues v) {
        return new AnonymousCheckout(new BrandId(v.string("brand")), new TransactionId(v.string("txn")),
                Instant.parse(v.string("at")), v.<Origin>document("origin").orElse(LedgerItems.NO_ORIGIN),
                v.<CheckoutFacts>document("checkout").orElseThrow(), v.optString("voidedAt").map(Instant::parse));
    }
}
