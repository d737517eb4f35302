package io.tally.lambda.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tally.domain.fakes.MutableClock;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedProgramsTest {
    private static final BrandId BRAND = new BrandId("ACME");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final CountingPrograms store = new CountingPrograms();

    @Test
    void aBrandsCatalogueIsReadOncePerTtl() {
        LoadProgramsPort cached = CachedPrograms.of(store, clock, Duration.ofSeconds(10));

        cached.catalogue(BRAND);
        clock.advance(Duration.ofSeconds(9));
        cached.catalogue(BRAND);
        assertEquals(1, store.catalogueReads);

        clock.advance(Duration.ofSeconds(1));
        cached.catalogue(BRAND);
        assertEquals(2, store.catalogueReads, "expired after the ttl: a provisioning change shows within it");
    }

    @Test
    void cardSetsAreCachedPerBrandAndIdIncludingAbsentOnes() {
        LoadProgramsPort cached = CachedPrograms.of(store, clock, Duration.ofSeconds(10));

        cached.cardSet(BRAND, new CardSetId("A"));
        cached.cardSet(BRAND, new CardSetId("A"));
        cached.cardSet(BRAND, new CardSetId("B"));
        assertEquals(2, store.cardSetReads);

        clock.advance(Duration.ofSeconds(10));
        cached.cardSet(BRAND, new CardSetId("A"));
        assertEquals(3, store.cardSetReads);
    }

    @Test
    void aZeroTtlMeansNoCache() {
        assertSame(store, CachedPrograms.of(store, clock, Duration.ZERO));
    }

    private static final class CountingPrograms implements LoadProgramsPort {
        int catalogueReads;
        int cardSetReads;

        @Override
        public Catalogue catalogue(BrandId brand) {
            catalogueReads++;
            return new Catalogue(List.of(), List.of());
        }

        @Override
        public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
            cardSetReads++;
            return Optional.empty();
        }
    }
}
