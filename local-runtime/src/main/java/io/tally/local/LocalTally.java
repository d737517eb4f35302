package io.tally.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.backoffice.http.BackOfficeHandler;
import io.tally.backoffice.reports.ReportWriterHandler;
import io.tally.backoffice.segments.SegmentEvaluatorHandler;
import io.tally.backoffice.sends.MailerHandler;
import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.lambda.coupons.CouponLoaderHandler;
import io.tally.lambda.http.MerchantApiHandler;
import io.tally.lambda.jobs.PeriodicJobHandler;
import io.tally.lambda.sqs.EventsConsumerHandler;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import io.tally.local.mail.LocalMail;
import io.tally.local.s3.S3rverServer;
import io.tally.portal.delivery.DeliveryEventsHandler;
import io.tally.portal.email.EmailSenderHandler;
import io.tally.local.sms.LocalSms;
import io.tally.portal.wiring.SmsComponent;
import io.tally.portal.sms.SmsSenderHandler;
import io.tally.portal.sms.SmsSettings;
import io.tally.portal.http.PortalHandler;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The local platform with Tally's own handlers wired in: the same Dagger graph a Lambda container
 * builds, pointed at dynalite and ElasticMQ instead of AWS. Used by {@link TallyLocal} and by the
 * end-to-end tests.
 */
public final class LocalTally implements AutoCloseable {
    /** The local runtime's fixed signing secret for portal links, CSRF tokens and challenges. Never used on AWS. */
    static final String LOCAL_PORTAL_SECRET = "local-only-portal-secret-not-for-production-use";
    /** The local runtime's fixed signing secret for back-office sessions and CSRF tokens. Never used on AWS. */
    static final String LOCAL_OFFICE_SECRET = "local-only-back-office-secret-not-for-production";
    /** The local runtime's fixed tracking secret (the e-mails' open image and click links). Never used on AWS. */
    static final String LOCAL_TRACKING_SECRET = "local-only-tracking-secret-not-for-production-use";
    private final LocalPlatform platform;
    private final TallyComponent component;
    private final OfficeComponent office;
    private final LocalMail mail;
    private final LocalSms sms;
    private final LocalJobScheduler jobs;

    private LocalTally(LocalPlatform platform, TallyComponent component, OfficeComponent office, LocalMail mail,
                       LocalSms sms) {
        this.platform = platform;
        this.component = component;
        this.office = office;
        this.mail = mail;
        this.sms = sms;
        this.jobs = new LocalJobScheduler(new PeriodicJobHandler(component)).start();
    }

    public static LocalTally start(LocalPlatformConfig config) {
        TallyComponent[] component = new TallyComponent[1];
        OfficeComponent[] office = new OfficeComponent[1];
        LocalMail mail = LocalMail.start();
        LocalSms sms = LocalSms.in(config.logDirectory());
        try {
            LocalPlatform platform = LocalPlatform.start(config, endpoints -> {
                String eventsQueue = endpoints.queueUrlEnvironment().get(QueueId.EVENTS.urlEnvironmentVariable());
                Settings settings = Settings.local(endpoints.tableName(), eventsQueue, endpoints.dynamoEndpoint(),
                        endpoints.sqsEndpoint()).withCouponLoadsQueueUrl(
                        endpoints.queueUrlEnvironment().get(QueueId.COUPON_LOADS.urlEnvironmentVariable()))
                        .withEvaluationsQueueUrl(endpoints.queueUrlEnvironment()
                                .get(QueueId.SEGMENT_EVALUATIONS.urlEnvironmentVariable()))
                        .withMailingsQueueUrl(endpoints.queueUrlEnvironment()
                                .get(QueueId.MAILINGS.urlEnvironmentVariable()));
                PortalSettings portal = new PortalSettings(endpoints.tableName(), eventsQueue,
                        endpoints.queueUrlEnvironment().get(QueueId.EMAILS.urlEnvironmentVariable()),
                        Optional.of(endpoints.dynamoEndpoint()), Optional.of(endpoints.sqsEndpoint()), "us-east-1",
                        Optional.of(LOCAL_PORTAL_SECRET), Optional.of(Settings.LOCAL_SEAL_SECRET), Optional.of("127.0.0.1"), mail.smtpPort(),
                        Optional.empty()).withAssets(S3rverServer.BUCKET, Optional.of(endpoints.s3Endpoint()))
                        .withTracking(LOCAL_TRACKING_SECRET);
                component[0] = TallyComponent.create(settings, portal);
                office[0] = OfficeComponent.create(officeSettings(endpoints));
                SmsComponent texts = SmsComponent.create(SmsSettings.local(endpoints.tableName(), eventsQueue,
                        endpoints.dynamoEndpoint(), endpoints.sqsEndpoint(), sms.file()));
                return new Handlers(component[0], PortalComponent.create(portal), office[0], mail, texts, sms);
            });
            return new LocalTally(platform, Objects.requireNonNull(component[0]), Objects.requireNonNull(office[0]), mail,
                    sms);
        } catch (RuntimeException | Error e) {
            mail.close();
            throw e;
        }
    }

    /** The texts the SMS sender captured instead of sending. */
    public LocalSms sms() {
        return sms;
    }

    /** The local SMTP server's captured mail. */
    public LocalMail mail() {
        return mail;
    }

    public LocalEndpoints endpoints() {
        return platform.endpoints();
    }

    /** The graph the handlers use (for seeding and for tests that look behind the API). */
    public TallyComponent component() {
        return component;
    }

    /** The back office's graph (staff, identity), as its function builds it. */
    public OfficeComponent office() {
        return office;
    }

    /** The back office's settings on this platform: dynalite, the staff pool on cognito-local, a local-only secret. */
    static OfficeSettings officeSettings(LocalEndpoints endpoints) {
        Map<String, String> queues = endpoints.queueUrlEnvironment();
        return new OfficeSettings(endpoints.tableName(), endpoints.staffPool().poolId(), endpoints.staffPool().clientId(),
                Optional.of(LOCAL_OFFICE_SECRET), "us-east-1", Optional.of(endpoints.dynamoEndpoint()),
                Optional.of(endpoints.cognitoEndpoint()), Optional.of(endpoints.sqsEndpoint()),
                queues.get(QueueId.EVENTS.urlEnvironmentVariable()),
                Optional.of(queues.get(QueueId.EMAILS.urlEnvironmentVariable())), Optional.of(LOCAL_PORTAL_SECRET))
                .withReports(queues.get(QueueId.REPORTS.urlEnvironmentVariable()), S3rverServer.BUCKET,
                        Optional.of(endpoints.s3Endpoint()))
                .withEvaluations(queues.get(QueueId.SEGMENT_EVALUATIONS.urlEnvironmentVariable()))
                .withMailings(queues.get(QueueId.MAILINGS.urlEnvironmentVariable()))
                .withSms(queues.get(QueueId.SMS.urlEnvironmentVariable()));
    }

    /** Runs a periodic job now (as its schedule would), returning what it reported. */
    public String runJob(String name) {
        return jobs.runNow(name);
    }

    @Override
    public void close() {
        jobs.close();
        try {
            platform.close();
        } finally {
            mail.close();
        }
    }

    /** One handler instance per function, as one Lambda container would hold. */
    private static final class Handlers implements HandlerProvider {
        private final MerchantApiHandler merchantApi;
        private final EventsConsumerHandler eventsConsumer;
        private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> portal;
        private final RequestHandler<SQSEvent, SQSBatchResponse> emailSender;
        private final CouponLoaderHandler couponLoader;
        private final BackOfficeHandler backOffice;
        private final ReportWriterHandler reportWriter;
        private final SegmentEvaluatorHandler segmentEvaluator;
        private final SmsSenderHandler smsSender;
        private final MailerHandler mailer;
        private final DeliveryEventsHandler deliveryEvents;
        private final LocalMail mail;
        private final LocalSms sms;

        Handlers(TallyComponent component, PortalComponent portalComponent, OfficeComponent office, LocalMail mail,
                 SmsComponent texts, LocalSms sms) {
            this.smsSender = new SmsSenderHandler(texts);
            this.sms = sms;
            this.backOffice = new BackOfficeHandler(office);
            this.reportWriter = new ReportWriterHandler(office);
            this.segmentEvaluator = new SegmentEvaluatorHandler(office);
            this.mailer = new MailerHandler(office);
            this.merchantApi = new MerchantApiHandler(component);
            this.eventsConsumer = new EventsConsumerHandler(component);
            this.mail = mail;
            this.portal = new PortalHandler(portalComponent);
            this.emailSender = new EmailSenderHandler(portalComponent);
            this.couponLoader = new CouponLoaderHandler(component);
            this.deliveryEvents = new DeliveryEventsHandler(portalComponent);
        }

        @Override
        public Map<String, com.sun.net.httpserver.HttpHandler> localPages() {
            return Map.of(LocalMail.PAGE, mail, LocalSms.PAGE, sms);
        }

        @Override
        public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpHandler(FunctionId function) {
            return switch (function) {
                case MERCHANT_API -> merchantApi;
                case PORTAL -> portal;
                case BACK_OFFICE -> backOffice;
                default -> throw new IllegalArgumentException(function + " is not an HTTP function");
            };
        }

        @Override
        public RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(FunctionId function) {
            return switch (function) {
                case EVENTS_CONSUMER -> eventsConsumer;
                case EMAIL_SENDER -> emailSender;
                case COUPON_LOADER -> couponLoader;
                case REPORT_WRITER -> reportWriter;
                case SEGMENT_EVALUATOR -> segmentEvaluator;
                case SMS_SENDER -> smsSender;
                case MAILER -> mailer;
                case DELIVERY_EVENTS -> deliveryEvents;
                default -> throw new IllegalArgumentException(function + " consumes no queue");
            };
        }
    }
}
