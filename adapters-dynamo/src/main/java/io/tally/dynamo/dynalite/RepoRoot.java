package io.tally.dynamo.dynalite;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the checkout's root folder: the one with {@code package.json} and the npm-installed node
 * tools. The build passes it as the system property {@code tally.repo.root} (see the root pom);
 * otherwise we walk up from the working directory.
 */
public final class RepoRoot {
    public static final String PROPERTY = "tally.repo.root";

    private RepoRoot() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))
                    && Files.isDirectory(dir.resolve("node_modules").resolve("dynalite"))) {
                return dir;
            }
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir; // node_modules missing: DynaliteServer then says to run npm ci here
            }
        }
        throw new IllegalStateException("cannot find the Tally checkout (a folder with package.json) above "
                + start + "; set -D" + PROPERTY + "=<path to the checkout>");
    }
}
