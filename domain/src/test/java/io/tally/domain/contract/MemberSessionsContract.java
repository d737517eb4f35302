package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the member account's session store must do. Subclass per implementation (fake, DynamoDB). */
public abstract class MemberSessionsContract {
    protected abstract MemberSessionsPort sessions();

    private final BrandId brand = ContractData.freshBrand();
    private final BrandId other = ContractData.freshBrand();
    private final Instant expires = Instant.parse("2025-03-01T10:30:00Z");

    @Test
    void a_link_is_consumed_once_per_brand() {
        assertTrue(sessions().consumeLink(brand, "link-aaaaaaaaaaaaaaaa", expires));
        assertFalse(sessions().consumeLink(brand, "link-aaaaaaaaaaaaaaaa", expires));
        assertTrue(sessions().consumeLink(other, "link-aaaaaaaaaaaaaaaa", expires), "brands do not share links");
        assertTrue(sessions().consumeLink(brand, "link-bbbbbbbbbbbbbbbb", expires));
    }

    @Test
    void of_clicks_racing_on_one_link_exactly_one_signs_in() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clicks.add(() -> sessions().consumeLink(brand, "link-racing-racing-1", expires));
            }
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(clicks)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_ended_session_stays_ended_and_others_do_not() {
        assertFalse(sessions().ended(brand, "session-1"));
        sessions().end(brand, "session-1", expires);
        sessions().end(brand, "session-1", expires);
        assertTrue(sessions().ended(brand, "session-1"));
        assertFalse(sessions().ended(brand, "session-2"));
        assertFalse(sessions().ended(other, "session-1"));
    }
}
