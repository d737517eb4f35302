package io.tally.domain.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Proves the build itself keeps the domain framework-free: a copy of domain/pom.xml with a Jackson
 * or AWS dependency added fails Maven's validate phase (the enforcer's banned-dependencies rule),
 * while the unchanged copy passes. Runs Maven on a probe under target/.
 */
class DomainDependencyRuleIT {
    private static final Path ROOT = Path.of(System.getProperty("tally.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    void theDomainPomAsItIsPasses() throws Exception {
        Result r = validate("unchanged", null);
        assertEquals(0, r.exit, r.output);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "com.fasterxml.jackson.core:jackson-databind:compile",
            "software.amazon.awssdk:dynamodb:compile",
            "com.fasterxml.jackson.core:jackson-databind:test"})
    void aJacksonOrAwsDependencyFailsTheBuild(String dependency) throws Exception {
        String[] gas = dependency.split(":");
        String xml = "<dependency><groupId>" + gas[0] + "</groupId><artifactId>" + gas[1] + "</artifactId><scope>"
                + gas[2] + "</scope></dependency>";
        Result r = validate(gas[1] + "-" + gas[2], xml);
        assertNotEquals(0, r.exit, "the build must fail: " + r.output);
        assertTrue(r.output.contains("banned"), r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result validate(String name, String extraDependency) throws IOException, InterruptedException {
        String pom = Files.readString(ROOT.resolve("domain/pom.xml"));
        Path probe = ROOT.resolve("domain/target/enforcer-probe/" + name);
        Files.createDirectories(probe);
        String relative = probe.relativize(ROOT).resolve("pom.xml").toString();
        pom = pom.replace("<version>0.1.0-SNAPSHOT</version>\n  </parent>",
                "<version>0.1.0-SNAPSHOT</version>\n    <relativePath>" + relative + "</relativePath>\n  </parent>");
        if (extraDependency != null) {
            pom = pom.replaceFirst("<dependencies>", "<dependencies>" + extraDependency);
        }
        Files.writeString(probe.resolve("pom.xml"), pom);
        Path log = probe.resolve("mvn.log");
        Process p = new ProcessBuilder(List.of("mvn", "-B", "-q", "-ntp", "validate"))
                .directory(probe.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn validate did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
