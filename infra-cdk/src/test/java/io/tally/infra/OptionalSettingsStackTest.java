package io.tally.infra;

import static io.tally.infra.TallyStackTest.list;
import static io.tally.infra.TallyStackTest.map;
import static io.tally.infra.TallyStackTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.portal.wiring.PortalSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;

/**
 * The optional stack settings for a brand's own domain, a restored table and a secrets rotation: two more stacks, one
 * in us-east-1 that creates the member pages' WebACL (and runs on an existing table, with a secrets revision), one in
 * eu-west-1 that is given a WebACL.
 * The two stacks of {@link SynthesizedStacks} have none of these settings and must show nothing of them.
 */
class OptionalSettingsStackTest {
    static final String WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/acme-portal/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    static final String TABLE_KEY = "arn:aws:kms:us-east-1:123456789012:key/66666666-7777-8888-9999-000000000000";
    static final Set<String> PORTAL_OUTPUTS = Set.of("PortalDomainTarget", "PortalDistributionId", "PortalUrl", "PortalWebAclArn");
    static final Template EDGE;
    static final Template REGIONAL;
    /** Both stacks, for CdkNagTest (the AWS Solutions checks run on them like on SynthesizedStacks'). */
    static final List<TallyStack> STACKS;

    static {
        Path jar = SynthesizedStacks.PROD_CONFIG.lambdaJar();
        App app = App.Builder.create().outdir(jar.resolveSibling("cdk.out.portal").toString()).build();
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).reports(false).build()));
        TallyStack edge = new TallyStack(app, new StackConfig("ACME", "prod", Optional.of("us-east-1"),
                Optional.of("123456789012"), jar, new StackConfig.Throttle(50, 80), Optional.empty(), Optional.empty(),
                StackConfig.TableKey.AWS_MANAGED, PeriodicJobs.ALL, Optional.empty(),
                Optional.of(new StackConfig.PortalDomain("members.acme.example", CERTIFICATE, Optional.empty(), 500)),
                Optional.of(new StackConfig.ExistingTable("Tally-ACME-restored-0412", Optional.of(TABLE_KEY))),
                Optional.of("2026-12-01")));
        TallyStack regional = new TallyStack(app, new StackConfig("GLOBEX", "prod", Optional.of("eu-west-1"),
                Optional.of("123456789012"), jar, new StackConfig.Throttle(50, 80),
                Optional.of(new StackConfig.CustomDomain("api.globex.example",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                Optional.empty(), StackConfig.TableKey.AWS_MANAGED, PeriodicJobs.ALL, Optional.empty(),
                Optional.of(new StackConfig.PortalDomain("members.globex.example", CERTIFICATE, Optional.of(WEB_ACL_ARN),
                        StackConfig.DEFAULT_PORTAL_RATE_LIMIT)),
                Optional.empty(), Optional.empty()));
        // both stacks before the first synthesis: the app's tree may not change after it
        EDGE = Template.fromStack(edge);
        REGIONAL = Template.fromStack(regional);
        STACKS = List.of(edge, regional);
    }

    @Test
    void the_members_domain_is_served_by_cloudfront_with_its_us_east_1_certificate_and_tls_1_2() {
        Map<String, Object> edge = distribution(EDGE);
        assertEquals(List.of("members.acme.example"), edge.get("Aliases"));
        Map<String, Object> certificate = map(edge.get("ViewerCertificate"));
        assertEquals(CERTIFICATE, certificate.get("AcmCertificateArn"));
        assertEquals("TLSv1.2_2021", certificate.get("MinimumProtocolVersion"));
        assertEquals("sni-only", certificate.get("SslSupportMethod"));
        assertEquals(List.of("members.globex.example"), distribution(REGIONAL).get("Aliases"));
    }

    @Test
    void the_origin_is_the_stacks_http_api_over_https_only() {
        for (Template template : List.of(EDGE, REGIONAL)) {
            List<Object> origins = list(distribution(template).get("Origins"));
            assertEquals(1, origins.size());
            Map<String, Object> origin = map(origins.get(0));
            String api = template.findResources("AWS::ApiGatewayV2::Api").keySet().iterator().next();
            assertTrue(origin.get("DomainName").toString().contains("{Ref=" + api + "}"), origin.toString());
            assertTrue(origin.get("DomainName").toString().contains(".execute-api."), origin.toString());
            Map<String, Object> custom = map(origin.get("CustomOriginConfig"));
            assertEquals("https-only", custom.get("OriginProtocolPolicy"));
            assertEquals(List.of("TLSv1.2"), custom.get("OriginSSLProtocols"));
        }
    }

    @Test
    void stylesheets_are_cached_and_pages_are_never_cached_but_get_every_viewer_header_cookie_and_query_except_host() {
        List<Object> behaviours = list(distribution(EDGE).get("CacheBehaviors"));
        assertEquals(List.of(PortalDistribution.STYLESHEETS, PortalDistribution.PAGES),
                behaviours.stream().map(b -> map(b).get("PathPattern")).toList(), "stylesheets first: the first match wins");
        Map<String, Object> stylesheets = map(behaviours.get(0));
        assertEquals(CachePolicy.CACHING_OPTIMIZED.getCachePolicyId(), stylesheets.get("CachePolicyId"));
        assertEquals(List.of("GET", "HEAD"), stylesheets.get("AllowedMethods"));
        Map<String, Object> pages = map(behaviours.get(1));
        assertEquals(CachePolicy.CACHING_DISABLED.getCachePolicyId(), pages.get("CachePolicyId"));
        assertEquals(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.getOriginRequestPolicyId(), pages.get("OriginRequestPolicyId"));
        assertTrue(list(pages.get("AllowedMethods")).containsAll(List.of("GET", "POST")), "the forms post");
        for (Object behaviour : behaviours) {
            assertEquals("redirect-to-https", map(behaviour).get("ViewerProtocolPolicy"));
        }
    }

    @Test
    void anything_but_the_member_pages_is_answered_at_the_edge() {
        Map<String, Object> fallback = map(distribution(EDGE).get("DefaultCacheBehavior"));
        assertEquals(CachePolicy.CACHING_DISABLED.getCachePolicyId(), fallback.get("CachePolicyId"));
        Map<String, Object> association = map(list(fallback.get("FunctionAssociations")).get(0));
        assertEquals("viewer-request", association.get("EventType"));
        Map<String, Object> function = properties(only(EDGE, "AWS::CloudFront::Function"));
        assertEquals(Map.of("Fn::GetAtt", List.of(logicalId(EDGE, "AWS::CloudFront::Function"), "FunctionARN")),
                association.get("FunctionARN"));
        assertEquals("cloudfront-js-2.0", map(function.get("FunctionConfig")).get("Runtime"));
        String code = function.get("FunctionCode").toString();
        assertTrue(code.contains("location: { value: '/portal/ACME' }"), code);
        assertTrue(code.contains("statusCode: 404"), code);
    }

    @Test
    void a_stack_in_us_east_1_creates_the_web_acl_with_amazons_rule_groups_and_a_rate_limit_per_address() {
        Map<String, Object> acl = properties(only(EDGE, "AWS::WAFv2::WebACL"));
        assertEquals("CLOUDFRONT", acl.get("Scope"));
        assertEquals(Map.of("Allow", Map.of()), acl.get("DefaultAction"));
        List<Object> rules = list(acl.get("Rules"));
        assertEquals(List.of("AWS-AWSManagedRulesAmazonIpReputationList", PortalFirewall.RATE_RULE,
                        "AWS-AWSManagedRulesCommonRuleSet", "AWS-AWSManagedRulesKnownBadInputsRuleSet"),
                rules.stream().map(r -> map(r).get("Name")).toList());
        assertEquals(List.of(0, 1, 2, 3), rules.stream().map(r -> ((Number) map(r).get("Priority")).intValue()).toList());
        for (Object rule : rules) {
            Map<String, Object> statement = map(map(rule).get("Statement"));
            if (statement.containsKey("ManagedRuleGroupStatement")) {
                assertEquals("AWS", map(statement.get("ManagedRuleGroupStatement")).get("VendorName"));
                assertEquals(Map.of("None", Map.of()), map(rule).get("OverrideAction"), "the group's own blocks apply");
            } else {
                Map<String, Object> rate = map(statement.get("RateBasedStatement"));
                assertEquals(500, ((Number) rate.get("Limit")).intValue());
                assertEquals("IP", rate.get("AggregateKeyType"));
                assertEquals(Map.of("Block", Map.of()), map(rule).get("Action"));
            }
            assertEquals(true, map(map(rule).get("VisibilityConfig")).get("CloudWatchMetricsEnabled"));
        }
        assertEquals(Map.of("Fn::GetAtt", List.of(logicalId(EDGE, "AWS::WAFv2::WebACL"), "Arn")),
                distribution(EDGE).get("WebACLId"));
    }

    @Test
    void a_stack_elsewhere_attaches_the_web_acl_it_is_given() {
        assertTrue(REGIONAL.findResources("AWS::WAFv2::WebACL").isEmpty());
        assertEquals(WEB_ACL_ARN, distribution(REGIONAL).get("WebACLId"));
    }

    @Test
    void cloudfront_logs_to_a_private_encrypted_bucket_that_expires_them() {
        Map<String, Object> logging = map(distribution(EDGE).get("Logging"));
        // the stack has other buckets (the Report Center's and its access logs): this one is the distribution's
        String bucket = EDGE.findResources("AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith("PortalAccessLogs")).findFirst().orElseThrow();
        assertEquals(Map.of("Fn::GetAtt", List.of(bucket, "RegionalDomainName")), logging.get("Bucket"));
        Map<String, Object> resource = EDGE.findResources("AWS::S3::Bucket").get(bucket);
        assertEquals("Retain", resource.get("DeletionPolicy"));
        Map<String, Object> properties = properties(resource);
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), properties.get("PublicAccessBlockConfiguration"));
        assertEquals(true, properties.containsKey("BucketEncryption"));
        assertEquals(90, ((Number) map(list(map(properties.get("LifecycleConfiguration")).get("Rules")).get(0))
                .get("ExpirationInDays")).intValue());
        assertTrue(EDGE.findResources("AWS::S3::BucketPolicy").values().stream()
                .map(p -> properties(p).toString()).filter(p -> p.contains(bucket))
                .allMatch(p -> p.contains("aws:SecureTransport")), "TLS only");
        assertTrue(EDGE.findResources("AWS::S3::BucketPolicy").values().stream()
                .anyMatch(p -> properties(p).toString().contains(bucket)), "the bucket has its policy");
    }

    @Test
    void the_portal_and_the_rules_write_links_in_e_mails_with_the_brands_domain() {
        Map<FunctionId, Object> origins = portalOrigins(EDGE);
        // the back office too (the asset library's URLs), the events consumer and the jobs (the rules' unsubscribe links)
        assertEquals(Map.of(FunctionId.PORTAL, "https://members.acme.example", FunctionId.BACK_OFFICE,
                "https://members.acme.example", FunctionId.EVENTS_CONSUMER, "https://members.acme.example",
                FunctionId.JOBS, "https://members.acme.example"), origins);
        assertEquals(Map.of(FunctionId.PORTAL, "https://members.globex.example", FunctionId.BACK_OFFICE,
                "https://members.globex.example", FunctionId.EVENTS_CONSUMER, "https://members.globex.example",
                FunctionId.JOBS, "https://members.globex.example"), portalOrigins(REGIONAL));
    }

    @Test
    void the_outputs_name_the_dns_target_the_distribution_and_the_web_acl() {
        Set<String> outputs = EDGE.findOutputs("*").keySet();
        assertTrue(outputs.containsAll(PORTAL_OUTPUTS), outputs.toString());
        assertEquals("https://members.acme.example/portal/ACME",
                map(EDGE.findOutputs("PortalUrl").get("PortalUrl")).get("Value"));
        assertTrue(REGIONAL.findOutputs("*").containsKey("CustomDomainTarget"), "the API keeps its own domain");
    }

    @Test
    void without_a_portal_domain_there_is_no_distribution_web_acl_bucket_or_origin_setting() {
        for (Template template : SynthesizedStacks.both()) {
            for (String type : List.of("AWS::CloudFront::Distribution", "AWS::CloudFront::Function", "AWS::WAFv2::WebACL",
                    "AWS::WAFv2::WebACLAssociation")) {
                assertTrue(template.findResources(type).isEmpty(), type);
            }
            assertTrue(template.findResources("AWS::S3::Bucket").keySet().stream()
                    .noneMatch(id -> id.startsWith("PortalAccessLogs")), "no log bucket for a distribution");
            assertEquals(Map.of(), portalOrigins(template));
            assertFalse(template.findOutputs("*").keySet().stream().anyMatch(PORTAL_OUTPUTS::contains));
        }
    }

    @Test
    void only_requests_through_the_distribution_reach_the_pages_the_origin_header_carrying_a_secret_the_portal_gets() {
        for (Template template : List.of(EDGE, REGIONAL)) {
            String origins = distribution(template).get("Origins").toString();
            assertTrue(origins.contains(PortalDistribution.EDGE_HEADER), origins);
            assertTrue(origins.contains("PortalEdgeSecret"), "the header's value is the generated secret: " + origins);
            Map<String, Object> portal = template.findResources("AWS::Lambda::Function").values().stream()
                    .filter(f -> FunctionId.PORTAL.handler().equals(properties(f).get("Handler"))).findFirst()
                    .orElseThrow();
            assertTrue(String.valueOf(variables(portal).get(PortalSettings.EDGE_SECRET)).contains("PortalEdgeSecret"));
            long others = template.findResources("AWS::Lambda::Function").values().stream()
                    .filter(f -> variables(f).containsKey(PortalSettings.EDGE_SECRET)).count();
            assertEquals(1, others, "the portal alone gets the edge secret");
        }
        for (Template template : SynthesizedStacks.both()) {
            assertTrue(template.findResources("AWS::Lambda::Function").values().stream()
                    .noneMatch(f -> variables(f).containsKey(PortalSettings.EDGE_SECRET)));
        }
    }

    @Test
    void a_stack_on_an_existing_table_creates_none_and_grants_that_one_its_indexes_and_its_key() {
        assertTrue(EDGE.findResources("AWS::DynamoDB::Table").isEmpty());
        assertTrue(EDGE.findResources("AWS::KMS::Key").isEmpty());
        for (Map<String, Object> function : EDGE.findResources("AWS::Lambda::Function").values()) {
            assertEquals("Tally-ACME-restored-0412", variables(function).get("TALLY_TABLE_NAME"));
        }
        String policies = EDGE.findResources("AWS::IAM::Policy").values().toString();
        assertTrue(policies.contains("table/Tally-ACME-restored-0412/index/GSI1"), "the functions' grants name that table's indexes");
        assertFalse(policies.contains("index/*"), "by name, as on a table the stack owns (TableAccess)");
        assertTrue(policies.contains(TABLE_KEY), "the functions may use the table's key");
        assertTrue(EDGE.findOutputs("TableName").toString().contains("Tally-ACME-restored-0412"));
    }

    @Test
    void a_secrets_revision_reaches_every_function_so_each_publishes_a_version_that_resolves_the_secrets_again() {
        for (Map<String, Object> function : EDGE.findResources("AWS::Lambda::Function").values()) {
            assertEquals("2026-12-01", variables(function).get(Functions.SECRETS_REVISION_VARIABLE));
        }
        for (Template template : List.of(REGIONAL, SynthesizedStacks.PROD, SynthesizedStacks.DEV)) {
            for (Map<String, Object> function : template.findResources("AWS::Lambda::Function").values()) {
                assertFalse(variables(function).containsKey(Functions.SECRETS_REVISION_VARIABLE));
            }
        }
    }

    @Test
    void a_deploy_keeps_the_previous_function_versions_so_the_live_alias_can_be_moved_back() {
        Map<String, Map<String, Object>> prod = SynthesizedStacks.PROD.findResources("AWS::Lambda::Version");
        assertEquals(FunctionId.values().length, prod.size());
        prod.values().forEach(version -> assertEquals("Retain", version.get("DeletionPolicy")));
        SynthesizedStacks.DEV.findResources("AWS::Lambda::Version").values()
                .forEach(version -> assertEquals("Delete", version.get("DeletionPolicy")));
    }

    // --- template navigation -------------------------------------------------------------------

    private static Map<String, Object> distribution(Template template) {
        return map(properties(only(template, "AWS::CloudFront::Distribution")).get("DistributionConfig"));
    }

    private static Map<FunctionId, Object> portalOrigins(Template template) {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        return functions.values().stream()
                .filter(f -> variables(f).containsKey(PortalSettings.PORTAL_ORIGIN))
                .collect(Collectors.toMap(
                        f -> List.of(FunctionId.values()).stream()
                                .filter(id -> id.handler().equals(properties(f).get("Handler"))).findFirst().orElseThrow(),
                        f -> variables(f).get(PortalSettings.PORTAL_ORIGIN)));
    }

    private static Map<String, Object> variables(Map<String, Object> function) {
        return map(map(properties(function).get("Environment")).get("Variables"));
    }

    private static Map<String, Object> only(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "one " + type + ": " + found.keySet());
        return found.values().iterator().next();
    }

    private static String logicalId(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "one " + type + ": " + found.keySet());
        return found.keySet().iterator().next();
    }
}
