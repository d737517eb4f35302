package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.lambda.topology.FunctionId;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar the stack deploys: every handler is in it, and nothing that only tests or the local
 * runtime need (they would cost cold-start time and, for the HTTP clients, change which client the
 * SDK picks). Needs {@code adapters-lambda} packaged first, as the reactor does.
 */
class LambdaJarIT {
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "org/elasticmq/", "scala/", "org/apache/pekko/", "akka/",
            "io/tally/dynamo/testing/", "io/tally/dynamo/dynalite/",
            "org/junit/", "org/apache/http/", "org/apache/hc/", "io/netty/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/");

    private static Set<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        assertTrue(Files.isRegularFile(RepoPaths.lambdaJar()),
                "build the Lambda jar first (mvn -pl infra-cdk -am verify): " + RepoPaths.lambdaJar());
        try (ZipFile jar = new ZipFile(RepoPaths.lambdaJar().toFile())) {
            entries = jar.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }

    @Test
    void containsEveryHandler() {
        for (FunctionId id : FunctionId.values()) {
            String classFile = id.handlerClassName().replace('.', '/') + ".class";
            assertTrue(entries.contains(classFile), id + "'s handler is missing from the Lambda jar: " + classFile);
        }
    }

    @Test
    void containsNoTestOrLocalRuntimeCode() {
        List<String> offending = entries.stream()
                .filter(e -> FORBIDDEN_PREFIXES.stream().anyMatch(e::startsWith)
                        || e.endsWith("Test.class") || e.endsWith("IT.class") || e.matches(".*(Test|IT)\\$.*\\.class"))
                .sorted().limit(20).toList();
        assertTrue(offending.isEmpty(), "the Lambda jar must not contain " + offending);
    }
}
