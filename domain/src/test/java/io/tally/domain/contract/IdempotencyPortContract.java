package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.ledger.IdempotencyPort.Claim;
import io.tally.domain.ledger.IdempotencyPort.IdempotencyRecord;
import io.tally.domain.ledger.IdempotencyPort.Status;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyPort} must do. Subclass it per implementation. */
public abstract class IdempotencyPortContract {
    protected abstract IdempotencyPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final Instant now = Instant.parse("2025-03-01T10:00:00.123Z");
    private final Instant lease = now.plusSeconds(30);

    @Test
    void a_first_claim_is_in_progress_and_a_duplicate_is_told_so() {
        assertEquals(new Claim.Claimed(Optional.empty()), port().claim(brand, "r-1", "fp-a", "t1", now, lease));

        IdempotencyRecord r = assertInstanceOf(Claim.InProgress.class,
                port().claim(brand, "r-1", "fp-a", "t2", now.plusSeconds(1), now.plusSeconds(31))).record();
        assertEquals(Status.IN_PROGRESS, r.status());
        assertEquals("t1", r.token());
        assertEquals(now, r.claimedAt());
        assertEquals(lease, r.leaseUntil());
        assertInstanceOf(Claim.Reused.class, port().claim(brand, "r-1", "fp-b", "t3", now.plusSeconds(1), lease));
    }

    @Test
    void ids_are_per_brand() {
        port().claim(brand, "r-1", "fp-a", "t1", now, lease);

        assertInstanceOf(Claim.Claimed.class, port().claim(ContractData.freshBrand(), "r-1", "fp-a", "t2", now, lease));
    }

    @Test
    void a_completed_claim_answers_its_stored_response_and_its_progress_is_gone() {
        port().claim(brand, "r-2", "fp", "t1", now, lease);
        assertTrue(port().saveProgress(brand, "r-2", "t1", "s1.progress"));

        assertTrue(port().complete(brand, "r-2", "t1", "{\"success\":true,\"x\":\"ü\"}"));

        IdempotencyRecord r = assertInstanceOf(Claim.Completed.class,
                port().claim(brand, "r-2", "fp", "t2", now.plusSeconds(99), lease)).record();
        assertEquals(Optional.of("{\"success\":true,\"x\":\"ü\"}"), r.response());
        assertEquals(Status.COMPLETED, r.status());
        assertEquals(Optional.empty(), r.progress());
    }

    @Test
    void a_lapsed_claim_is_taken_over_once_with_its_progress_and_first_instant() {
        port().claim(brand, "r-3", "fp", "t1", now, lease);
        port().saveProgress(brand, "r-3", "t1", "chose card 1");
        Instant later = lease.plus(Duration.ofSeconds(1));

        Claim.Claimed taken = assertInstanceOf(Claim.Claimed.class, port().claim(brand, "r-3", "fp", "t2", later, later.plusSeconds(30)));

        IdempotencyRecord previous = taken.takenOver().orElseThrow();
        assertEquals(Optional.of("chose card 1"), previous.progress());
        assertEquals(now, previous.claimedAt());
        IdempotencyRecord now2 = assertInstanceOf(Claim.InProgress.class,
                port().claim(brand, "r-3", "fp", "t3", later, later.plusSeconds(30))).record();
        assertEquals("t2", now2.token(), "the second retry finds the takeover in progress");
        assertEquals(now, now2.claimedAt(), "the first claim's instant stays");
        assertFalse(port().saveProgress(brand, "r-3", "t1", "too late"), "the first claimant lost it");
        assertFalse(port().complete(brand, "r-3", "t1", "{}"));
        assertTrue(port().complete(brand, "r-3", "t2", "{\"ok\":1}"));
    }

    @Test
    void a_released_claim_frees_the_id_but_only_for_its_holder() {
        port().claim(brand, "r-4", "fp", "t1", now, lease);
        port().release(brand, "r-4", "t-other");
        assertInstanceOf(Claim.InProgress.class, port().claim(brand, "r-4", "fp", "t2", now, lease));

        port().release(brand, "r-4", "t1");

        assertEquals(new Claim.Claimed(Optional.empty()), port().claim(brand, "r-4", "fp-new", "t3", now, lease));
    }
}
