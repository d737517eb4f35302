package io.tally.infra;

import static io.tally.infra.SynthesizedStacks.DEV;
import static io.tally.infra.SynthesizedStacks.PROD;
import static io.tally.infra.TallyStackTest.list;
import static io.tally.infra.TallyStackTest.map;
import static io.tally.infra.TallyStackTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * The Report Center's part of the stack: a private, encrypted, TLS-only bucket that empties itself, with server access
 * logs; only the report writer writes to it and the back office only reads; the reports queue feeds the writer.
 */
class ReportsBucketStackTest {

    @Test
    void the_bucket_is_private_encrypted_tls_only_logged_and_expires_its_objects() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> bucket = properties(bucket(template, "ReportsBucket"));
            assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                    "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"));
            assertTrue(bucket.get("BucketEncryption").toString().contains("AES256"));
            assertFalse(bucket.containsKey("VersioningConfiguration"));
            Map<String, Object> rule = map(list(map(bucket.get("LifecycleConfiguration")).get("Rules")).get(0));
            assertEquals(ReportsBucket.EXPIRY_DAYS, rule.get("ExpirationInDays"));
            assertEquals(ReportsBucket.PREFIX, rule.get("Prefix"), "exports expire; the asset library's images do not");
            assertEquals(Map.of("DaysAfterInitiation", 1), rule.get("AbortIncompleteMultipartUpload"));
            assertTrue(map(bucket.get("LoggingConfiguration")).get("DestinationBucketName").toString()
                    .contains("ReportsAccessLogs"));
            for (String name : List.of("ReportsBucket", "ReportsAccessLogs")) {
                String policy = template.findResources("AWS::S3::BucketPolicy").entrySet().stream()
                        .filter(e -> e.getKey().startsWith(name + "Policy")).findFirst().orElseThrow().getValue().toString();
                assertTrue(policy.contains("aws:SecureTransport=false"), name + " denies plain HTTP: " + policy);
            }
        }
    }

    @Test
    void a_production_bucket_stays_with_the_stack_a_disposable_one_goes() {
        assertEquals("Retain", bucket(PROD, "ReportsBucket").get("DeletionPolicy"));
        assertEquals("Delete", bucket(DEV, "ReportsBucket").get("DeletionPolicy"));
    }

    @Test
    void only_the_writer_writes_the_exports_the_back_office_reads_them_and_manages_assets_the_portal_reads_assets() {
        for (Template template : SynthesizedStacks.both()) {
            List<String> writer = s3Actions(template, "ReportWriter");
            assertEquals(ReportsBucket.WRITER_ACTIONS, writer);
            List<String> office = new ArrayList<>(ReportsBucket.OFFICE_ACTIONS);
            office.addAll(ReportsBucket.ASSET_OFFICE_ACTIONS);
            assertEquals(office, s3Actions(template, "BackOffice"));
            assertEquals(ReportsBucket.ASSET_PORTAL_ACTIONS, s3Actions(template, "Portal"));
            String policies = template.findResources("AWS::IAM::Policy").toString();
            assertTrue(policies.contains("/assets/*"), "the asset grants name the assets/ prefix");
            for (FunctionId other : FunctionId.values()) {
                if (other != FunctionId.REPORT_WRITER && other != FunctionId.BACK_OFFICE && other != FunctionId.PORTAL) {
                    assertTrue(s3Actions(template, Names.pascal(other.name())).isEmpty(), other.name());
                }
            }
        }
    }

    @Test
    void the_writer_consumes_the_reports_queue_and_knows_the_bucket() {
        assertEquals(FunctionId.REPORT_WRITER, QueueId.REPORTS.consumer());
        for (Template template : SynthesizedStacks.both()) {
            for (FunctionId f : List.of(FunctionId.REPORT_WRITER, FunctionId.BACK_OFFICE)) {
                Map<String, Object> variables = map(map(properties(template.findResources("AWS::Lambda::Function")
                        .values().stream().filter(x -> f.handler().equals(properties(x).get("Handler"))).findFirst()
                        .orElseThrow()).get("Environment")).get("Variables"));
                assertTrue(variables.get(OfficeSettings.REPORTS_BUCKET).toString().contains("ReportsBucket"), f.name());
                assertTrue(variables.containsKey(QueueId.REPORTS.urlEnvironmentVariable()), f.name());
            }
            assertFalse(template.findResources("AWS::Lambda::Function").values().stream()
                    .filter(x -> FunctionId.REPORT_WRITER.handler().equals(properties(x).get("Handler"))).findFirst()
                    .orElseThrow().toString().contains(OfficeSettings.OFFICE_SECRET), "the writer has no signing secret");
        }
    }

    private static Map<String, Object> bucket(Template template, String prefix) {
        var found = template.findResources("AWS::S3::Bucket").entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).toList();
        assertEquals(1, found.size(), "one bucket " + prefix);
        return found.get(0).getValue();
    }

    /** The S3 actions the function's role policy allows. */
    private static List<String> s3Actions(Template template, String function) {
        List<String> actions = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith(function + "Role"))
                .forEach(e -> list(map(properties(e.getValue()).get("PolicyDocument")).get("Statement")).forEach(s -> {
                    Object action = map(s).get("Action");
                    List<String> all = action instanceof List<?> many ? many.stream().map(Object::toString).toList()
                            : List.of(action.toString());
                    all.stream().filter(a -> a.startsWith("s3:")).forEach(actions::add);
                }));
        return actions;
    }
}
