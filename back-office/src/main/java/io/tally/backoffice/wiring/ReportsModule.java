package io.tally.backoffice.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.reports.ReportCenterPages;
import io.tally.backoffice.reports.ReportWriter;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.report.RollupUseCase;
import io.tally.domain.report.export.AccountingRows;
import io.tally.domain.report.export.BalanceRows;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.domain.report.export.DirectMailSends;
import io.tally.domain.report.export.ExportShardUseCase;
import io.tally.domain.report.export.ReportCenterUseCase;
import io.tally.domain.report.export.ReportKind;
import io.tally.domain.report.export.ReportLinks;
import io.tally.domain.report.export.ReportRows;
import io.tally.backoffice.setup.AssetPages;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.SetupAudit;
import io.tally.domain.communication.assets.AssetLibraryUseCase;
import io.tally.domain.report.export.DirectMailRows;
import io.tally.domain.report.export.SegmentMemberRows;
import io.tally.domain.report.export.TransactionRows;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.report.ExportShardJson;
import io.tally.sqs.report.SqsReportQueue;
import io.tally.sqs.s3.ReportStorage;
import io.tally.sqs.s3.S3AssetFiles;
import io.tally.sqs.s3.S3ReportFiles;
import io.tally.sqs.wiring.BrandZones;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Provider;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Report Center (issue 13): its pages in the back office and the report writer (QueueId.REPORTS' consumer), both
 * from the back-office graph. Without the reports queue and bucket in the settings the section offers nothing.
 * Kinds of report come from {@link #rows}: all transactions, the balances of every card (each card set's cards listed
 * from the pool index, A59) and the accounting detail (the rollups).
 */
@Module
final class ReportsModule {
    /** The reports queue's deliveries before its dead-letter queue (QueueId.REPORTS.maxReceiveCount()). */
    static final int MAX_RECEIVE_COUNT = 5;

    private ReportsModule() {
    }

    @Provides
    @Singleton
    static S3ReportFiles files(OfficeSettings settings, AwsCredentialsProvider credentials) {
        return ReportStorage.files(settings.region(), settings.s3Endpoint(), credentials,
                settings.reportsBucket().orElseThrow(() -> new IllegalStateException(OfficeSettings.REPORTS_BUCKET
                        + " is not set")));
    }

    @Provides
    @Singleton
    static Map<ReportKind, ReportRows> rows(DynamoStorage storage, Function<BrandId, ZoneId> zones, Clock clock) {
        RollupUseCase rollups = new RollupUseCase(storage.activityLog(), storage.rollups(), zones, clock);
        return Map.of(ReportKind.TRANSACTIONS, new TransactionRows(storage.activityLog()),
                ReportKind.BALANCES, new BalanceRows(storage.brandSetup(), storage.programs(), storage.cards(),
                        storage.cardLedger(), storage.cardLocations(), clock),
                ReportKind.ACCOUNTING, new AccountingRows(rollups),
                ReportKind.SEGMENT_MEMBERS, new SegmentMemberRows(storage.segments(), storage.segmentSnapshots(),
                        storage.cards()),
                ReportKind.DIRECT_MAIL, new DirectMailRows(storage.portalConfigs(), storage.preferences(),
                        storage.brandSetup(), storage.cards(), storage.cardLocations(), storage.segments(),
                        storage.segmentSnapshots()));
    }

    @Provides
    @Singleton
    static Function<BrandId, ZoneId> zones(DynamoStorage storage, Clock clock) {
        return new BrandZones(storage.checkoutConfig(), clock);
    }

    @Provides
    @Singleton
    static ExportShardJson shardJson(ObjectMapper json) {
        return new ExportShardJson(json);
    }

    @Provides
    @Singleton
    static ReportWriter writer(DynamoStorage storage, S3ReportFiles files, Map<ReportKind, ReportRows> rows,
                               EmailOutboxPort outbox, Function<BrandId, ZoneId> zones, ExportShardJson json, Clock clock) {
        // a direct mail export, once ready, counts its addresses as its send requests (texts' and e-mails' way, A120-A122)
        var directMail = new DirectMailSends(new RecordDeliveryUseCase(storage.deliveryStats(),
                RecordDeliveryUseCase.Actions.NONE, zones, clock));
        return new ReportWriter(new ExportShardUseCase(storage.reports(), files, rows, outbox, zones, clock, directMail),
                json, MAX_RECEIVE_COUNT, new PrintStream(System.out, true));
    }

    /** The Report Center's requests; empty without the reports queue and bucket (the back office then offers no exports). */
    @Provides
    @Singleton
    static Optional<ReportCenterUseCase> center(OfficeSettings settings, DynamoStorage storage, SqsClient sqs,
                                                Provider<S3ReportFiles> files, Map<ReportKind, ReportRows> rows,
                                                Function<BrandId, ZoneId> zones, ExportShardJson json, SignedTokens tokens,
                                                Clock clock) {
        if (!settings.reports()) {
            return Optional.empty();
        }
        return Optional.of(new ReportCenterUseCase(storage.reports(),
                new SqsReportQueue(sqs, settings.reportsQueueUrl().orElseThrow(), json), files.get(), rows,
                new ReportLinks(tokens), zones, clock));
    }

    @Provides
    @IntoSet
    static OfficeArea reportCenter(OfficeSettings settings, Optional<ReportCenterUseCase> center,
                                   LocationsPort locations, DynamoStorage storage, RandomSource random, Clock clock) {
        var mailChoices = new ReportCenterPages.DirectMailChoices(storage.portalConfigs(), storage.segments(),
                storage.segmentSnapshots());
        return center.<OfficeArea>map(c -> new ReportCenterPages(c, locations, mailChoices, random, clock,
                        settings.local()))
                .orElse(router -> { });
    }

    /**
     * The asset library ({@code /communications/assets}), whose images live in the Report Center's bucket: absent
     * without one. Its URLs name the member pages' own origin when the stack has one (TALLY_PORTAL_ORIGIN), since the
     * portal then answers only through that domain.
     */
    @Provides
    @IntoSet
    static OfficeArea assetLibrary(OfficeSettings settings, AwsCredentialsProvider credentials, DynamoStorage storage,
                                   AuditLogPort audit, RandomSource random, Clock clock) {
        if (settings.reportsBucket().isEmpty()) {
            return router -> { };
        }
        var files = S3AssetFiles.of(settings.region(), settings.s3Endpoint(), credentials,
                settings.reportsBucket().get());
        return new AssetPages(new AssetLibraryUseCase(storage.assets(), files, new SetupAudit(audit, random, clock),
                clock), portalOrigin(), settings.local());
    }

    /** The member pages' own origin, as the stack gives it to the back office (only with a portal domain). */
    static final String PORTAL_ORIGIN = "TALLY_PORTAL_ORIGIN";

    /** The member pages' own origin when the stack has one: e-mailed and listed links name it, not the API's host. */
    static Optional<String> portalOrigin() {
        return Optional.ofNullable(System.getenv(PORTAL_ORIGIN));
    }
}
