package io.tally.local.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.report.export.ExportRequest;
import io.tally.domain.report.export.Report;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportLinks;
import io.tally.domain.report.export.ReportStatus;
import io.tally.domain.report.export.TransactionRows;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.QueueId;
import io.tally.local.LocalTally;
import io.tally.local.portal.PortalTestSupport;
import io.tally.local.s3.S3rverServer;
import io.tally.local.testing.Await;
import io.tally.sqs.report.ExportShardJson;
import io.tally.sqs.report.SqsReportQueue;
import io.tally.sqs.s3.ReportStorage;
import io.tally.sqs.s3.S3ReportFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A transactions export on the local platform, every port on its real adapter: reports in dynalite, the shards on
 * ElasticMQ's reports queue consumed by the report writer as its function runs it, the shard objects and the file in
 * s3rver, the e-mail through GreenMail. The CSV read back from S3 holds every entry of the period once, newest first,
 * and the presigned download answers it.
 */
class ReportExportIT {
    private static final BrandId DEMO = new BrandId("DEMO");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void an_export_runs_through_the_queue_and_lands_in_s3_with_every_row_once() throws Exception {
        try (LocalTally tally = PortalTestSupport.start("report-export-it");
             DynamoDbClient dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
             SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                     .endpointOverride(tally.endpoints().sqsEndpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                     .build()) {
            DynamoStorage storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
            LocalDate day = LocalDate.of(2026, 11, 20);
            Instant start = day.atStartOfDay(ZONE).toInstant();
            List<DomainEvent> inside = ReportActivity.record(storage.activityLog(), DEMO, start, 86_400, 2_500, 1);
            ReportActivity.record(storage.activityLog(), DEMO, start.plus(Duration.ofDays(1)), 3_600, 50, 2);

            S3ReportFiles files = ReportStorage.files("us-east-1", Optional.of(tally.endpoints().s3Endpoint()),
                    AnonymousCredentialsProvider.create(), S3rverServer.BUCKET);
            String queue = tally.endpoints().queueUrlEnvironment().get(QueueId.REPORTS.urlEnvironmentVariable());
            ReportCenterUseCase center = new ReportCenterUseCase(storage.reports(),
                    new SqsReportQueue(sqs, queue, new ExportShardJson(new ObjectMapper())), files,
                    Map.of(ReportKind.TRANSACTIONS, new TransactionRows(storage.activityLog())),
                    new ReportLinks(SignedTokens.fromText("a-test-secret-of-at-least-32-characters")), b -> ZONE,
                    Clock.systemUTC());
            StaffScope admin = StaffScope.brandWide(DEMO, new StaffId("it-admin"), "it-admin@demo.test", Role.ADMIN);
            ReportId id = new ReportId("it-report-1");
            assertEquals(Optional.empty(), center.request(admin, new ExportRequest(id, ReportKind.TRANSACTIONS, day, day,
                    Optional.empty(), Optional.empty(), Optional.empty(), tally.endpoints().baseUrl() + "/admin")));

            Await.until("the report is ready", Duration.ofSeconds(120),
                    () -> storage.reports().find(DEMO, id).orElseThrow().stored() == ReportStatus.READY);
            Report ready = storage.reports().find(DEMO, id).orElseThrow();
            assertEquals(24, ready.shards());
            assertEquals(inside.size(), ready.rows());

            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(files.open(DEMO, id), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            }
            assertTrue(lines.get(0).startsWith("occurredAt,transactionId,type,cardNumber"));
            assertEquals(inside.stream().map(DomainEvent::id).toList(),
                    lines.subList(1, lines.size()).stream().map(l -> l.split(",")[13]).toList());

            URI url = files.downloadUrl(DEMO, id, ready.fileName(), Duration.ofMinutes(5));
            HttpURLConnection get = (HttpURLConnection) url.toURL().openConnection();
            assertEquals(200, get.getResponseCode());
            try (var body = get.getInputStream()) {
                assertEquals(lines.size(), new String(body.readAllBytes(), StandardCharsets.UTF_8).split("\r\n").length);
            }
            PortalTestSupport.awaitMail(tally, m -> m.to().contains("it-admin@demo.test")
                    && m.subject().contains("report is ready"));
        }
    }
}
