package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.ledger.IdempotencyPort.Claim;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyPort} must do. Subclass it per implementation. */
public abstract class IdempotencyPortContract {
    protected abstract IdempotencyPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final Instant now = Instant.parse("2025-03-01T10:00:00.123Z");

    @Test
    void the_first_claim_wins_and_later_ones_see_its_fingerprint() {
        assertInstanceOf(Claim.Claimed.class, port().claim(brand, "r-1", "fp-a", now));

        Claim again = port().claim(brand, "r-1", "fp-b", now.plusSeconds(1));

        IdempotencyPort.IdempotencyRecord r = ((Claim.Seen) again).record();
        assertEquals("fp-a", r.fingerprint());
        assertEquals(now, r.claimedAt());
        assertEquals(Optional.empty(), r.result());
        assertEquals(Optional.empty(), r.responseBody());
    }

    @Test
    void ids_are_per_brand() {
        port().claim(brand, "r-1", "fp-a", now);

        assertInstanceOf(Claim.Claimed.class, port().claim(ContractData.freshBrand(), "r-1", "fp-a", now));
    }

    @Test
    void result_and_response_are_recorded_on_the_claim() {
        CardNumber card = ContractData.freshCard();
        port().claim(brand, "r-2", "fp", now);

        port().recordResult(brand, "r-2", card, 7);
        port().storeResponse(brand, "r-2", "{\"success\":true,\"x\":\"ü\"}");

        IdempotencyPort.IdempotencyRecord r = ((Claim.Seen) port().claim(brand, "r-2", "fp", now)).record();
        assertEquals(Optional.of(new IdempotencyPort.ResultRef(card, 7)), r.result());
        assertEquals(Optional.of("{\"success\":true,\"x\":\"ü\"}"), r.responseBody());
        assertEquals("fp", r.fingerprint());
    }
}
