package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.lambda.topology.PeriodicJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StackConfigTest {
    private static Path jar;

    @BeforeAll
    static void jar() throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).resolve("stack-config-test"));
        jar = dir.resolve("some.jar");
        Files.write(jar, new byte[] {0});
    }

    private static StackConfig read(Map<String, Object> context, Map<String, String> environment) {
        return StackConfig.fromContext(context::get, environment::get, jar);
    }

    @Test
    void onlyTheBrandIsRequiredAndTheDefaultStageKeepsItsData() {
        StackConfig config = read(Map.of("brand", "ACME"), Map.of());
        assertEquals("ACME", config.brand());
        assertEquals("prod", config.stage());
        assertFalse(config.disposable());
        assertEquals("Tally-ACME-prod", config.stackName());
        assertEquals(Optional.empty(), config.region());
        assertEquals(new StackConfig.Throttle(StackConfig.DEFAULT_RATE_LIMIT, StackConfig.DEFAULT_BURST_LIMIT), config.throttle());
        assertEquals(StackConfig.TableKey.AWS_MANAGED, config.tableKey());
        assertEquals(PeriodicJobs.ALL, config.periodicJobs());
        assertEquals(Optional.empty(), config.customDomain());
    }

    @Test
    void readsEveryOptionFromContextAndTheCliEnvironment() {
        Map<String, Object> context = new HashMap<>();
        context.put("brand", "ACME");
        context.put("stage", "dev");
        context.put("throttleRateLimit", "25");
        context.put("throttleBurstLimit", 50);
        context.put("domainName", "api.acme.example");
        context.put("certificateArn", "arn:aws:acm:eu-west-1:1:certificate/x");
        context.put("alarmEmail", "ops@acme.example");
        context.put("tableKey", "customer-managed");
        StackConfig config = read(context, Map.of("CDK_DEFAULT_REGION", "eu-west-1", "CDK_DEFAULT_ACCOUNT", "123456789012"));
        assertTrue(config.disposable());
        assertEquals(Optional.of("eu-west-1"), config.region());
        assertEquals(Optional.of("123456789012"), config.account());
        assertEquals(new StackConfig.Throttle(25, 50), config.throttle());
        assertEquals("api.acme.example", config.customDomain().orElseThrow().domainName());
        assertEquals(Optional.of("ops@acme.example"), config.alarmEmail());
        assertEquals(StackConfig.TableKey.CUSTOMER_MANAGED, config.tableKey());
    }

    @Test
    void contextRegionWinsOverTheCliDefault() {
        assertEquals(Optional.of("us-east-2"),
                read(Map.of("brand", "ACME", "region", "us-east-2"), Map.of("CDK_DEFAULT_REGION", "eu-west-1")).region());
    }

    @Test
    void rejectsWhatWouldDeployTheWrongThing() {
        assertThrows(IllegalArgumentException.class, () -> read(Map.of(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("brand", "acme corp"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("brand", "ACME", "domainName", "api.acme.example"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("brand", "ACME", "tableKey", "none"), Map.of()));
        assertThrows(IllegalStateException.class,
                () -> StackConfig.fromContext(Map.<String, Object>of("brand", "ACME")::get, k -> null, jar.resolveSibling("missing.jar")));
    }
}
