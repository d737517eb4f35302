package io.tally.lambda.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.InMemoryCardPort;
import io.tally.domain.fakes.InMemoryCheckoutConfig;
import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.InMemoryEventDefinitions;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.fakes.RecordingEventPublisher;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.program.CardSetId;
import io.tally.domain.provisioning.ApplySeedUseCase;
import io.tally.domain.provisioning.InvalidSeedException;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.tenant.BrandId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedJsonTest {
    private static Path repoRoot() {
        return Path.of(System.getProperty("tally.repo.root", ".."));
    }

    @Test
    void theDemoSeedReadsAndApplies() throws Exception {
        Seed seed = new SeedJson().read(Files.readString(repoRoot().resolve("demo/seed.json")));
        assertEquals("DEMO", seed.brands().get(0).id());
        var store = new InMemoryConfigStore();
        var cards = new InMemoryCardPort();
        var portals = new InMemoryMemberStores();
        var report = new ApplySeedUseCase(store, cards, new RecordingEventPublisher(), new SeededRandom(3), Clock.systemUTC(),
                portals, new InMemoryCheckoutConfig(), new InMemoryCouponPort(), new InMemoryEventDefinitions())
                .apply(seed, true);
        assertEquals(100, report.cardsGenerated());
        assertEquals(100, seed.brands().get(0).programs().stream().flatMap(p -> p.cardSets().stream())
                .mapToLong(c -> cards.countInCardSet(new BrandId("DEMO"), new CardSetId(c.id()))).sum());
        assertEquals(3, store.catalogue(new BrandId("DEMO")).valueTypes().size());
        var portal = portals.load(new BrandId("DEMO")).orElseThrow();
        assertEquals("LOYAL01", portal.enrollmentCardSet().value());
        assertEquals(100, portal.referral().orElseThrow().senderAmount());
    }

    @Test
    void brand_fields_of_the_customer_model_are_provisioned_and_a_bad_one_is_reported() throws Exception {
        String demo = Files.readString(repoRoot().resolve("demo/seed.json"));
        String fields = "\"brandFields\": [{\"name\": \"tier\", \"label\": \"Tier\", \"type\": \"choice\", "
                + "\"required\": true, \"choices\": [\"Gold\", \"Silver\"]}, {\"name\": \"since\", \"type\": \"date\"}], ";
        String withFields = demo.replace("\"customerModel\":", fields + "\"customerModel\":");
        var portals = new InMemoryMemberStores();
        new ApplySeedUseCase(new InMemoryConfigStore(), new InMemoryCardPort(), new RecordingEventPublisher(), new SeededRandom(3),
                Clock.systemUTC(), portals, new InMemoryCheckoutConfig(),
                new InMemoryCouponPort(), new InMemoryEventDefinitions()).apply(new SeedJson().read(withFields), true);
        assertEquals(List.of(new DemographicField("tier", "Tier", DemographicField.Type.CHOICE, true, List.of("Gold", "Silver")),
                        new DemographicField("since", "since", DemographicField.Type.DATE, false, List.of())),
                portals.load(new BrandId("DEMO")).orElseThrow().demographics());

        var bad = assertThrows(InvalidSeedException.class, () -> new ApplySeedUseCase(new InMemoryConfigStore(),
                new InMemoryCardPort(), new RecordingEventPublisher(), new SeededRandom(3), Clock.systemUTC(),
                new InMemoryMemberStores(), new InMemoryCheckoutConfig(),
                new InMemoryCouponPort(), new InMemoryEventDefinitions()).apply(new SeedJson().read(withFields.replace("\"date\"", "\"colour\"")), true));
        assertTrue(bad.getMessage().contains("unknown field type colour"), bad.getMessage());
    }

    @Test
    void score_settings_are_seeded_once_and_bad_ranges_are_reported() throws Exception {
        String demo = Files.readString(repoRoot().resolve("demo/seed.json"));
        String withScores = demo.replace("\"events\": [", "\"scores\": {\"ranges\": [{\"from\": 1, \"to\": 60, "
                + "\"name\": \"Casual\"}, {\"from\": 61, \"to\": 100, \"name\": \"Devoted\"}], "
                + "\"spendReference\": \"120.50\"}, \"events\": [");
        var settings = new InMemoryScoreSettings();
        for (int i = 0; i < 2; i++) {
            apply(withScores, settings);
        }
        assertEquals(new ScoreSettings(new BrandId("DEMO"), new ScoreRanges(List.of(new ScoreRanges.Range(1, 60, "Casual"),
                new ScoreRanges.Range(61, 100, "Devoted"))), 120_5000L, 1), settings.find(new BrandId("DEMO")).orElseThrow(),
                "applying the same seed again changes nothing");

        var bad = assertThrows(InvalidSeedException.class, () -> apply(withScores.replace("\"from\": 61", "\"from\": 62"),
                new InMemoryScoreSettings()));
        assertTrue(bad.getMessage().contains("brand DEMO scores: The ranges follow each other"), bad.getMessage());
    }

    private static void apply(String seed, InMemoryScoreSettings settings) {
        new ApplySeedUseCase(new InMemoryConfigStore(), new InMemoryCardPort(), new RecordingEventPublisher(),
                new SeededRandom(3), Clock.systemUTC(), new InMemoryMemberStores(), new InMemoryCheckoutConfig(),
                new InMemoryCouponPort(), new InMemoryEventDefinitions(), settings).apply(new SeedJson().read(seed), true);
    }

    @Test
    void typosAndBrokenJsonAreReportedWithTheirPlace() {
        var typo = assertThrows(InvalidSeedException.class,
                () -> new SeedJson().read("{\"brands\":[{\"id\":\"X\",\"nmae\":\"typo\"}]}"));
        assertTrue(typo.getMessage().contains("nmae"), typo.getMessage());
        var broken = assertThrows(InvalidSeedException.class, () -> new SeedJson().read("{\"brands\": [ }"));
        assertTrue(broken.getMessage().contains("line 1"), broken.getMessage());
        assertThrows(InvalidSeedException.class, () -> new SeedJson().read("{}"));
    }
}
