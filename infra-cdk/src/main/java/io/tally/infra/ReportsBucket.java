package io.tally.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The Report Center's bucket: private (every public access blocked), encrypted with S3-managed keys, TLS only,
 * unversioned (a report is written once and rewritten only by its own retry), and emptied by lifecycle rules: objects
 * after {@value #EXPIRY_DAYS} days (a link lives seven), multipart uploads a dead function left behind after one day.
 * Its server access logs go to a log bucket of their own (same settings, logs kept {@value #LOG_DAYS} days). Only the
 * report writer writes and reads the exports' objects; the back office may only read them (it presigns downloads).
 */
final class ReportsBucket {
    static final int EXPIRY_DAYS = 8;
    static final int LOG_DAYS = 90;
    /** Where the exports live in the bucket (io.tally.sqs.s3.S3ReportFiles). */
    static final String PREFIX = "reports/";
    /** The report writer's object actions: multipart uploads, part copies (read the source), reads. */
    static final List<String> WRITER_ACTIONS = List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts");
    /** The back office's: presigned downloads are GETs made with its credentials. */
    static final List<String> OFFICE_ACTIONS = List.of("s3:GetObject");
    /** Where the asset library's images live (io.tally.sqs.s3.S3AssetFiles): kept until deleted, never expired. */
    static final String ASSETS_PREFIX = "assets/";
    /** The back office uploads and deletes images; it never reads them back (the portal serves them). */
    static final List<String> ASSET_OFFICE_ACTIONS = List.of("s3:PutObject", "s3:DeleteObject");
    /** The portal reads them to serve them to mail clients. */
    static final List<String> ASSET_PORTAL_ACTIONS = List.of("s3:GetObject");

    static final String LOG_BUCKET_NOT_LOGGED = "This bucket receives the Report Center bucket's server access logs "
            + "itself: logging its own access to a further bucket would only move the question one bucket on.";
    static final String OBJECTS_UNDER_A_PREFIX = "The exports' objects are named per report when it is requested "
            + "(reports/<brand>/<id>/…): the grant names this bucket's reports/ prefix and nothing wider.";
    static final String ASSETS_UNDER_A_PREFIX = "The asset library's images are named by their content when uploaded "
            + "(assets/<brand>/<sha-256>.<ext>): the grant names this bucket's assets/ prefix and nothing wider.";

    private ReportsBucket() {
    }

    static Bucket create(Construct scope, StackConfig config) {
        RemovalPolicy removal = config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Bucket logs = Bucket.Builder.create(scope, "ReportsAccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(false)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs")
                        .expiration(Duration.days(LOG_DAYS)).build()))
                .removalPolicy(removal)
                .build();
        Compliance.keep(logs, "AwsSolutions-S1", LOG_BUCKET_NOT_LOGGED);
        return Bucket.Builder.create(scope, "ReportsBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(false)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("reports-bucket/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-exports").prefix(PREFIX)
                        .expiration(Duration.days(EXPIRY_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(removal)
                .build();
    }

    /** Allows {@code actions} on the exports' objects; the function's policy keeps cdk-nag's IAM5 for that prefix. */
    static void grant(Bucket bucket, Function function, List<String> actions) {
        grant(bucket, function, actions, PREFIX, OBJECTS_UNDER_A_PREFIX);
    }

    /** Allows {@code actions} on the asset library's images only ({@link #ASSETS_PREFIX}). */
    static void grantAssets(Bucket bucket, Function function, List<String> actions) {
        grant(bucket, function, actions, ASSETS_PREFIX, ASSETS_UNDER_A_PREFIX);
    }

    private static void grant(Bucket bucket, Function function, List<String> actions, String prefix, String reason) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(bucket.arnForObjects(prefix + "*")))
                .build());
        String folder = prefix.substring(0, prefix.length() - 1);
        NagSuppressions.addResourceSuppressions(function.getRole(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").reason(reason)
                .appliesTo(List.<Object>of(RegexAppliesTo.builder()
                        .regex("/^Resource::<ReportsBucket[0-9A-F]+\\.Arn>\\/" + folder + "\\/\\*$/").build()))
                .build()), true);
    }
}
