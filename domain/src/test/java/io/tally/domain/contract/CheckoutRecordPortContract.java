package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.checkout.AnonymousCheckout;
import io.tally.domain.checkout.CheckoutRecordPort;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.Origin;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CheckoutRecordPort} must do; run against the fake and against DynamoDB. */
public abstract class CheckoutRecordPortContract {
    private static final BrandId BRAND = new BrandId("ACME");
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    protected abstract CheckoutRecordPort port();

    static AnonymousCheckout record(BrandId brand, String id) {
        CheckoutFacts facts = new CheckoutFacts("anon:" + id, CheckoutFacts.Stage.COMMIT, Optional.empty(),
                List.of(new CheckoutFacts.Line("COFFEE-L", new BigDecimal("2"), new BigDecimal("4.50")),
                        new CheckoutFacts.Line("BEANS", new BigDecimal("0.250"), new BigDecimal("30.00"))),
                new BigDecimal("16.50"), new BigDecimal("1.65"),
                List.of(new CheckoutFacts.Mutation(ValueTypeKey.currency("USD"), -165, CheckoutFacts.Kind.DISCOUNT)),
                List.of("SPRING-0001"), List.of(),
                List.of(new CheckoutFacts.Explained("spring", true, Optional.empty()),
                        new CheckoutFacts.Explained("earn", false, Optional.of("needs a card"))),
                List.of("Thanks!"), List.of());
        Origin origin = new Origin(Optional.of(new LocationId("store-1")), Optional.of(new TerminalId("pos-1")), Optional.empty(),
                Optional.of("ext-1"), Optional.empty(), Optional.of("ref-1"), Optional.empty());
        return new AnonymousCheckout(brand, new TransactionId(id), AT, origin, facts, Optional.empty());
    }

    @Test
    void aRecordIsCreatedOnceAndReadBackWhole() {
        AnonymousCheckout r = record(BRAND, "1772360130123000000000000000001");
        assertTrue(port().create(r));
        assertFalse(port().create(r), "the id is taken");
        assertEquals(Optional.of(r), port().find(BRAND, r.transactionId()));
    }

    @Test
    void anotherBrandsRecordIsAbsent() {
        AnonymousCheckout r = record(BRAND, "1772360130123000000000000000002");
        port().create(r);
        assertEquals(Optional.empty(), port().find(new BrandId("OTHER"), r.transactionId()));
        assertFalse(port().markVoided(new BrandId("OTHER"), r.transactionId(), AT));
    }

    @Test
    void aRecordIsVoidedOnce() {
        AnonymousCheckout r = record(BRAND, "1772360130123000000000000000003");
        port().create(r);
        assertTrue(port().markVoided(BRAND, r.transactionId(), AT.plusSeconds(60)));
        assertFalse(port().markVoided(BRAND, r.transactionId(), AT.plusSeconds(61)));
        assertEquals(Optional.of(AT.plusSeconds(60)), port().find(BRAND, r.transactionId()).orElseThrow().voidedAt());
        assertFalse(port().markVoided(BRAND, new TransactionId("1772360130123000000000000000999"), AT));
    }
}
