package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.Route;
import io.tally.lambda.topology.Routes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the pinned AWS CDK CLI (node_modules/aws-cdk, from {@code npm ci}) exactly as a brand operator
 * would, offline: cdk.json's app command must work from the packaged infra jar. Everything it
 * writes (HOME, jsii caches, temp files, the cloud assembly) stays inside target/. It synthesises with
 * {@code -c nag=true}, so the app's own cdk-nag checks run and the suppressions in {@link Compliance} must carry.
 */
class CdkCliSynthIT {
    private static final long TIMEOUT_SECONDS = 180;

    @Test
    void cdkSynthProducesTheBrandStack() throws IOException, InterruptedException {
        Path module = RepoPaths.infraModule();
        Path cli = RepoPaths.root().resolve("node_modules/aws-cdk/bin/cdk");
        assertTrue(Files.isRegularFile(cli), "install the CDK CLI first: npm ci (at the repository root)");
        Path target = module.resolve("target");
        Path out = target.resolve("cdk.out");
        Path log = target.resolve("cdk-synth.log");
        Files.createDirectories(target.resolve("home"));
        Files.createDirectories(target.resolve("tmp"));

        ProcessBuilder synth = new ProcessBuilder(List.of("node", cli.toString(), "synth",
                "-c", "brand=DEMO", "-c", "nag=true", "--no-version-reporting", "--no-notices", "--quiet", "-o", out.toString()))
                .directory(module.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = synth.environment();
        env.put("HOME", target.resolve("home").toString());
        env.put("TMPDIR", target.resolve("tmp").toString());
        env.put("CDK_DISABLE_VERSION_CHECK", "true");
        env.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "true");
        env.put("JSII_RUNTIME_PACKAGE_CACHE_ROOT", target.resolve("jsii-cache").toString());
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + target.resolve("tmp"));

        Process process = synth.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "cdk synth did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, process.exitValue(), "cdk synth failed:\n" + output);

        String template = Files.readString(out.resolve("Tally-DEMO-prod.template.json"), StandardCharsets.UTF_8);
        for (Route route : Routes.ALL) {
            assertTrue(template.contains("\"" + route.routeKey() + "\""), route.routeKey() + " is in the template");
        }
        for (FunctionId id : FunctionId.values()) {
            assertTrue(template.contains("\"" + id.handler() + "\""), id + " is in the template");
        }
        try (var staged = Files.list(out)) {
            assertTrue(staged.anyMatch(p -> p.getFileName().toString().startsWith("asset.")),
                    "the Lambda jar is staged as an asset");
        }
        Path nagReport = out.resolve("AwsSolutions-Tally-DEMO-prod-NagReport.csv");
        assertTrue(Files.isRegularFile(nagReport), "cdk-nag ran in the app (-c nag=true)");
        List<String> nonCompliant = Files.readAllLines(nagReport, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"Non-Compliant\"")).toList();
        assertTrue(nonCompliant.isEmpty(), "unsuppressed cdk-nag findings:\n" + String.join("\n", nonCompliant));
    }
}
