package io.tally.local.portal;

import io.tally.lambda.provisioning.SeedJson;
import io.tally.local.LocalPlatformConfig;
import io.tally.local.LocalTally;
import io.tally.local.mail.LocalMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** Starts the local platform with the demo seed for the portal tests. */
public final class PortalTestSupport {
    private PortalTestSupport() {
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("tally.repo.root", ".."));
    }

    /** The platform on dynalite and ElasticMQ (every port on its real adapter) with the demo seed. */
    public static LocalTally start(String name) throws Exception {
        LocalTally tally = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", name)).withHttpPort(0)
                .withRepoRoot(repoRoot()));
        tally.component().applySeed().apply(new SeedJson().read(Files.readString(repoRoot().resolve("demo/seed.json"))), true);
        return tally;
    }

    /** Waits (bounded) for a captured e-mail. */
    public static LocalMail.Captured awaitMail(LocalTally tally, Predicate<LocalMail.Captured> which) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Optional<LocalMail.Captured> found = tally.mail().messages().stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such e-mail arrived; captured: " + tally.mail().messages());
    }
}
