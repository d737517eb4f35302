package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.provisioning.Seed;
import io.tally.lambda.provisioning.SeedJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A local run with a data folder keeps its data across a restart, and re-applying the seed is a no-op. */
class DataSurvivesRestartIT {
    @Test
    void dataSurvivesARestart() throws Exception {
        Path root = MerchantSliceIT.repoRoot();
        Path data = Path.of("target", "restart-it", "data-" + System.nanoTime());
        Seed seed = new SeedJson().read(Files.readString(root.resolve("demo/seed.json")));
        LocalPlatformConfig config = LocalPlatformConfig.defaults(Path.of("target", "restart-it"))
                .withHttpPort(0).withRepoRoot(root).withDynaliteDataDirectory(data);

        try (LocalTally first = LocalTally.start(config)) {
            var report = first.component().applySeed().apply(seed, true);
            assertFalse(report.changedNothing());
            assertEquals(1, report.newKeys().size());
        }
        try (LocalTally second = LocalTally.start(config)) {
            var again = second.component().applySeed().apply(seed, true);
            assertTrue(again.changedNothing(), "everything was still there: " + again);
            assertEquals(0, again.cardsGenerated());
        }
    }
}
