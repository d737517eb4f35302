package io.tally.domain.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.provisioning.Seed.ApiKeySeed;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.CardSetSeed;
import io.tally.domain.provisioning.Seed.EmployeeSeed;
import io.tally.domain.provisioning.Seed.LocationSeed;
import io.tally.domain.provisioning.Seed.ProgramSeed;
import io.tally.domain.provisioning.Seed.TerminalSeed;
import io.tally.domain.provisioning.Seed.ValueTypeSeed;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplySeedUseCaseTest {
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final InMemoryCardPort cardPort = new InMemoryCardPort();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final ApplySeedUseCase apply = new ApplySeedUseCase(store, cardPort, events, new SeededRandom(7),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    static Seed demo(String statedSecret, int cards) {
        var gift = new ProgramSeed("GIFT", "Gift cards", "gift",
                List.of(new ValueTypeSeed("Currency", "USD", null, "500.00", "5", "500", null, null)),
                List.of(new CardSetSeed("GIFT01", "Plastic gift cards", "6", 16, cards)));
        var loyalty = new ProgramSeed("LOYALTY", "Rewards", "loyalty",
                List.of(new ValueTypeSeed("Points", null, null, null, null, null, null, null),
                        new ValueTypeSeed("Punches", null, null, "10", null, null, null, null)), List.of());
        return new Seed(List.of(new BrandSeed("ACME", "Acme Coffee", false, List.of(),
                List.of(new LocationSeed("ACME001", null, "Main street")),
                List.of(new TerminalSeed("ACME001", "pos-1", "Till 1")),
                List.of(new EmployeeSeed("ACME001", "emp1", "Eve", "1234")),
                List.of(gift, loyalty), List.of(new ApiKeySeed("demo-key", "demo", statedSecret)))));
    }

    @Test
    void createsEverythingTheSeedDescribes() {
        SeedReport report = apply.apply(demo(null, 25), false);

        var access = store.load("demo-key", new BrandId("ACME"), new LocationId("ACME001"), new TerminalId("pos-1"),
                Optional.of(new EmployeeId("emp1")));
        assertTrue(access.brand().isPresent() && access.location().isPresent() && access.terminal().isPresent());
        assertTrue(SecretHasher.matches("1234", access.employee().orElseThrow().passwordHash()));
        assertEquals(1, report.newKeys().size());
        String secret = report.newKeys().get(0).secret();
        assertEquals(64, secret.length(), "a generated secret has 256 bits");
        assertTrue(SecretHasher.matches(secret, access.apiKey().orElseThrow().secretHash()));

        var valueTypes = store.catalogue(new BrandId("ACME")).valueTypes();
        assertEquals(3, valueTypes.size());
        var usd = valueTypes.stream().filter(v -> v.key().equals(ValueTypeKey.currency("USD"))).findFirst().orElseThrow();
        assertEquals(2, usd.scale());
        assertEquals(50000, usd.limits().maxBalance());
        assertEquals(500, usd.limits().minIssue());

        List<CardNumber> cards = cardPort.numbersInCardSet(new BrandId("ACME"), new CardSetId("GIFT01"));
        assertEquals(25, cards.size());
        assertEquals(25, report.cardsGenerated());
        assertTrue(cards.stream().map(CardNumber::value)
                .allMatch(c -> c.length() == 16 && c.startsWith("6") && CardNumber.luhnValid(c)));
        assertTrue(cards.stream().allMatch(n -> cardPort.load(new BrandId("ACME"), n).orElseThrow()
                .equals(Card.unallocated(new BrandId("ACME"), n, new ProgramId("GIFT"), new CardSetId("GIFT01")))),
                "seeded cards are ordinary pool cards");
        assertEquals(1, events.published().size());
        assertEquals("brand.provisioned", events.published().get(0).type());
    }

    @Test
    void applyingTheSameSeedTwiceChangesNothing() {
        apply.apply(demo(null, 10), false);
        SeedReport again = apply.apply(demo(null, 10), false);
        assertTrue(again.changedNothing(), again.toString());
        assertEquals(List.of("demo-key"), again.existingKeys());
        assertEquals(10L, cardPort.countInCardSet(new BrandId("ACME"), new CardSetId("GIFT01")));
        assertEquals(1, events.published().size(), "no event for a run that changed nothing");
    }

    @Test
    void growingACardSetGeneratesOnlyTheMissingCards() {
        apply.apply(demo(null, 10), false);
        SeedReport grown = apply.apply(demo(null, 15), false);
        assertEquals(5, grown.cardsGenerated());
        assertEquals(15L, cardPort.countInCardSet(new BrandId("ACME"), new CardSetId("GIFT01")));
    }

    @Test
    void statedSecretsAreForLocalSeedsOnly() {
        var e = assertThrows(InvalidSeedException.class, () -> apply.apply(demo("local-demo-secret-123", 0), false));
        assertTrue(e.getMessage().contains("local-only"), e.getMessage());
        assertTrue(store.catalogue(new BrandId("ACME")).programs().isEmpty(), "a refused seed writes nothing");

        SeedReport local = apply.apply(demo("local-demo-secret-123", 0), true);
        assertEquals("local-demo-secret-123", local.newKeys().get(0).secret());
    }

    @Test
    void everyProblemIsReportedAndNothingIsWritten() {
        var bad = new Seed(List.of(new BrandSeed("ACME", null, false, List.of(),
                List.of(new LocationSeed("ACME001", null, null)),
                List.of(new TerminalSeed("NOWHERE", "pos-1", null)),
                List.of(),
                List.of(new ProgramSeed("GIFT", null, "gift",
                        List.of(new ValueTypeSeed("Dollars", null, null, null, null, null, null, null),
                                new ValueTypeSeed("Currency", "USD", null, "12.345", null, null, null, null)),
                        List.of())), List.of())));
        var e = assertThrows(InvalidSeedException.class, () -> apply.apply(bad, false));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertFalse(store.load("x", new BrandId("ACME"), new LocationId("ACME001"), new TerminalId("pos-1"),
                Optional.empty()).brand().isPresent());
    }
}
