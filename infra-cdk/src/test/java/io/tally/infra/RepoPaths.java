package io.tally.infra;

import java.nio.file.Path;

/** Paths of the reactor, from the {@code tally.repo.root} property surefire and failsafe set. */
final class RepoPaths {
    private RepoPaths() {
    }

    static Path root() {
        String root = System.getProperty("tally.repo.root");
        if (root == null) {
            throw new IllegalStateException("run through Maven: the tally.repo.root system property is not set");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path infraModule() {
        return root().resolve("infra-cdk");
    }

    static Path lambdaJar() {
        return root().resolve("adapters-lambda").resolve("target").resolve("tally-lambda.jar");
    }
}
