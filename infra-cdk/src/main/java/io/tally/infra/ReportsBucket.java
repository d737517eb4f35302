package io.tally.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
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
        return Bucket.Builder.create(scope, "ReportsBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(false)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("reports-bucket/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-exports")
                        .expiration(Duration.days(EXPIRY_DAYS))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(removal)
                .build();
    }

    static void grant(Bucket bucket, IGrantable grantee, List<String> actions) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(bucket.arnForObjects(PREFIX + "*")))
                .build());
    }
}
