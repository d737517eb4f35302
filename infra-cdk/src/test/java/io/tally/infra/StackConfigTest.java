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
        assertEquals(Optional.empty(), config.portalDomain());
        assertEquals(Optional.empty(), config.portalOrigin());
        assertEquals(Optional.empty(), config.existingTable());
        assertEquals(Optional.empty(), config.secretsRevision());
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

    private static final String EDGE_CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String WEB_ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/acme-portal/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private static Map<String, Object> portal(String region, String... more) {
        Map<String, Object> context = new HashMap<>(Map.of("brand", "ACME", "region", region,
                "portalDomainName", "members.acme.example", "portalCertificateArn", EDGE_CERTIFICATE));
        for (int i = 0; i < more.length; i += 2) {
            context.put(more[i], more[i + 1]);
        }
        return context;
    }

    private static String rejection(Map<String, Object> context) {
        return assertThrows(IllegalArgumentException.class, () -> read(context, Map.of())).getMessage();
    }

    @Test
    void a_stack_in_us_east_1_may_create_the_portals_web_acl_with_the_default_rate_limit() {
        StackConfig config = read(portal("us-east-1"), Map.of());
        StackConfig.PortalDomain domain = config.portalDomain().orElseThrow();
        assertEquals("members.acme.example", domain.domainName());
        assertEquals(EDGE_CERTIFICATE, domain.certificateArn());
        assertEquals(Optional.empty(), domain.webAclArn());
        assertEquals(StackConfig.DEFAULT_PORTAL_RATE_LIMIT, domain.rateLimit());
        assertEquals(Optional.of("https://members.acme.example"), config.portalOrigin());
    }

    @Test
    void a_stack_elsewhere_takes_a_web_acl_and_a_rate_limit_from_context() {
        StackConfig.PortalDomain domain = read(portal("eu-west-1", "portalWebAclArn", WEB_ACL, "portalRateLimit", "300"), Map.of())
                .portalDomain().orElseThrow();
        assertEquals(Optional.of(WEB_ACL), domain.webAclArn());
        assertEquals(300, domain.rateLimit());
    }

    @Test
    void a_stack_elsewhere_without_a_web_acl_is_refused_with_the_reason() {
        assertTrue(rejection(portal("eu-west-1")).contains("portalWebAclArn"));
        Map<String, Object> noRegion = portal("us-east-1");
        noRegion.remove("region");
        assertTrue(rejection(noRegion).contains("no region"));
    }

    @Test
    void portal_settings_that_cloudfront_or_waf_would_refuse_are_refused_first() {
        assertTrue(rejection(portal("us-east-1", "portalCertificateArn",
                "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")).contains("us-east-1"));
        assertTrue(rejection(portal("us-east-1", "portalDomainName", "Members.ACME.example")).contains("portalDomainName"));
        assertTrue(rejection(portal("us-east-1", "portalDomainName", "https://members.acme.example")).contains("host name"));
        assertTrue(rejection(portal("eu-west-1", "portalWebAclArn",
                "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acme/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))
                .contains("CLOUDFRONT"));
        assertTrue(rejection(portal("us-east-1", "portalRateLimit", "5")).contains("portalRateLimit"));
        assertTrue(rejection(portal("us-east-1", "portalRateLimit", "lots")).contains("whole number"));
    }

    @Test
    void portal_settings_come_together_or_not_at_all() {
        Map<String, Object> noCertificate = portal("us-east-1");
        noCertificate.remove("portalCertificateArn");
        assertTrue(rejection(noCertificate).contains("portalCertificateArn"));
        assertTrue(rejection(Map.of("brand", "ACME", "portalWebAclArn", WEB_ACL)).contains("only with portalDomainName"));
        assertTrue(rejection(Map.of("brand", "ACME", "portalRateLimit", "100")).contains("only with portalDomainName"));
        assertTrue(rejection(portal("us-east-1", "domainName", "members.acme.example",
                "certificateArn", "arn:aws:acm:us-east-1:1:certificate/x")).contains("two domain names"));
    }

    @Test
    void an_existing_table_is_read_with_its_key() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/66666666-7777-8888-9999-000000000000";
        StackConfig config = read(Map.of("brand", "ACME", "tableName", "Tally-ACME-restored", "tableKeyArn", key), Map.of());
        assertEquals(Optional.of(new StackConfig.ExistingTable("Tally-ACME-restored", Optional.of(key))), config.existingTable());
        assertEquals(Optional.of(new StackConfig.ExistingTable("Tally-ACME-restored", Optional.empty())),
                read(Map.of("brand", "ACME", "tableName", "Tally-ACME-restored"), Map.of()).existingTable());
    }

    @Test
    void existing_table_settings_that_cannot_work_are_refused() {
        assertTrue(rejection(Map.of("brand", "ACME", "tableKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/x"))
                .contains("needs tableName"));
        assertTrue(rejection(Map.of("brand", "ACME", "tableName", "Tally-ACME-restored", "tableKey", "customer-managed"))
                .contains("tableKeyArn"));
        assertTrue(rejection(Map.of("brand", "ACME", "tableName", "no/slashes")).contains("tableName"));
        assertTrue(rejection(Map.of("brand", "ACME", "tableName", "Tally-ACME-restored", "tableKeyArn", "alias/tally"))
                .contains("KMS key ARN"));
    }

    @Test
    void a_secrets_revision_is_a_short_plain_word() {
        assertEquals(Optional.of("2026-12-01"),
                read(Map.of("brand", "ACME", "secretsRevision", "2026-12-01"), Map.of()).secretsRevision());
        assertTrue(rejection(Map.of("brand", "ACME", "secretsRevision", "the first of december")).contains("secretsRevision"));
    }
}
