package io.tally.infra;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.portal.wiring.PortalSettings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * One brand's whole platform: the table, the queues, the staff user pool, the Report Center's bucket, the functions,
 * the HTTP API, the schedules and the alarms. Shapes come from the shared topology (TallyTable, FunctionId, QueueId, Routes,
 * PeriodicJobs), so the deployed stack and the local runtime cannot drift apart.
 */
public final class TallyStack extends Stack {
    private final ITable table;

    public TallyStack(Construct scope, StackConfig config) {
        super(scope, config.stackName(), StackProps.builder()
                .stackName(config.stackName())
                .description("Tally platform for brand " + config.brand() + ", stage " + config.stage())
                .env(environment(config))
                .terminationProtection(!config.disposable())
                .build());
        Tags.of(this).add("tally:brand", config.brand());
        Tags.of(this).add("tally:stage", config.stage());

        table = config.existingTable().map(existing -> ImportedTable.use(this, existing))
                .orElseGet(() -> DataTable.create(this, config));
        Map<QueueId, Queues.Pair> queues = Queues.create(this);
        StaffPool.Deployed staff = StaffPool.create(this, config);
        Bucket reports = ReportsBucket.create(this, config);
        Map<FunctionId, Map<String, String>> ownEnvironment = new EnumMap<>(FunctionId.class);
        Map<String, String> office = new LinkedHashMap<>(Map.of(
                OfficeSettings.USER_POOL_ID, staff.pool().getUserPoolId(),
                OfficeSettings.CLIENT_ID, staff.client().getUserPoolClientId(),
                OfficeSettings.OFFICE_SECRET, Functions.generatedSecret(this, config, "OfficeSigningSecret",
                        "Tally back-office signing secret (sessions, CSRF tokens)"),
                OfficeSettings.REPORTS_BUCKET, reports.getBucketName()));
        // the asset library's URLs name the member pages' own domain when they have one
        config.portalOrigin().ifPresent(origin -> office.put(PortalSettings.PORTAL_ORIGIN, origin));
        ownEnvironment.put(FunctionId.BACK_OFFICE, office);
        // the report writer builds the back-office graph without its secret (OfficeSettings.forReportWriter)
        ownEnvironment.put(FunctionId.REPORT_WRITER, Map.of(
                OfficeSettings.USER_POOL_ID, staff.pool().getUserPoolId(),
                OfficeSettings.CLIENT_ID, staff.client().getUserPoolClientId(),
                OfficeSettings.REPORTS_BUCKET, reports.getBucketName()));
        // the segment evaluator builds the back-office graph without its secret (OfficeSettings.forSegmentEvaluator)
        ownEnvironment.put(FunctionId.SEGMENT_EVALUATOR, Map.of(
                OfficeSettings.USER_POOL_ID, staff.pool().getUserPoolId(),
                OfficeSettings.CLIENT_ID, staff.client().getUserPoolClientId()));
        // the mailer builds the back-office graph with the portal's secret only (OfficeSettings.forMailer)
        ownEnvironment.put(FunctionId.MAILER, Map.of(
                OfficeSettings.USER_POOL_ID, staff.pool().getUserPoolId(),
                OfficeSettings.CLIENT_ID, staff.client().getUserPoolClientId()));
        // behind the brand's CloudFront: e-mailed links name its domain, and only requests carrying its origin header's
        // secret are served (nothing reaches the pages around the distribution and its WAF)
        Optional<String> edgeSecret = config.portalDomain().map(domain -> Functions.generatedSecret(this, config,
                "PortalEdgeSecret", "Tally member pages' CloudFront origin header"));
        Map<String, String> portal = new LinkedHashMap<>();
        portal.put(PortalSettings.ASSETS_BUCKET, reports.getBucketName()); // it serves the asset library's images
        config.portalOrigin().ifPresent(origin -> {
            portal.put(PortalSettings.PORTAL_ORIGIN, origin);
            portal.put(PortalSettings.EDGE_SECRET, edgeSecret.orElseThrow());
        });
        ownEnvironment.put(FunctionId.PORTAL, portal);
        Optional<SmsSending.Deployed> sms = config.sms().map(origin -> SmsSending.create(this, config, origin));
        sms.ifPresent(s -> ownEnvironment.put(FunctionId.SMS_SENDER, s.environment()));
        // sends go on the SMS channel only where texts can leave AWS: the back office offers it, the mailer texts
        sms.ifPresent(s -> List.of(FunctionId.BACK_OFFICE, FunctionId.MAILER).forEach(id -> {
            Map<String, String> own = new LinkedHashMap<>(ownEnvironment.getOrDefault(id, Map.of()));
            own.put(OfficeSettings.SMS_CHANNEL, "on");
            ownEnvironment.put(id, own);
        }));
        // the rules (issue 15) fired by the events consumer and the jobs sign unsubscribe links naming the same domain
        config.portalOrigin().ifPresent(origin -> List.of(FunctionId.EVENTS_CONSUMER, FunctionId.JOBS).forEach(id ->
                ownEnvironment.put(id, Map.of(PortalSettings.PORTAL_ORIGIN, origin))));
        // the e-mails' tracking links: the sender signs them, the portal checks them; nobody else holds the secret
        String trackingSecret = Functions.generatedSecret(this, config, "TrackingSigningSecret",
                "Tally e-mail tracking links' signing secret (open image, click redirects)");
        for (FunctionId id : List.of(FunctionId.PORTAL, FunctionId.EMAIL_SENDER)) {
            Map<String, String> own = new LinkedHashMap<>(ownEnvironment.getOrDefault(id, Map.of()));
            own.put(PortalSettings.TRACKING_SECRET, trackingSecret);
            ownEnvironment.put(id, own);
        }
        Map<FunctionId, Functions.Deployed> functions = Functions.create(this, config, table, queues, ownEnvironment);
        sms.ifPresent(s -> s.grantSend(functions.get(FunctionId.SMS_SENDER).function()));
        ConfigurationSet emailEvents = DeliveryEvents.create(this, config, queues, functions, sms);
        functions.get(FunctionId.EMAIL_SENDER).function().addEnvironment(PortalSettings.SES_CONFIGURATION_SET,
                emailEvents.getConfigurationSetName());
        staff.grantAdmin(functions.get(FunctionId.BACK_OFFICE).function());
        ReportsBucket.grant(reports, functions.get(FunctionId.REPORT_WRITER).function(), ReportsBucket.WRITER_ACTIONS);
        ReportsBucket.grant(reports, functions.get(FunctionId.BACK_OFFICE).function(), ReportsBucket.OFFICE_ACTIONS);
        ReportsBucket.grantAssets(reports, functions.get(FunctionId.BACK_OFFICE).function(),
                ReportsBucket.ASSET_OFFICE_ACTIONS);
        ReportsBucket.grantAssets(reports, functions.get(FunctionId.PORTAL).function(),
                ReportsBucket.ASSET_PORTAL_ACTIONS);
        config.emailDomain().ifPresent(domain -> {
            EmailIdentity identity = EmailIdentity.Builder.create(this, "EmailIdentity").identity(Identity.domain(domain)).build();
            identity.grantSendEmail(functions.get(FunctionId.EMAIL_SENDER).function());
            output("EmailIdentityName", identity.getEmailIdentityName(),
                    "SES identity of the portal's e-mails: publish its DKIM records, then leave the SES sandbox");
            output("EmailDkimRecord1", identity.getDkimDnsTokenName1(), "DKIM CNAME record name to publish");
            output("EmailDkimRecord2", identity.getDkimDnsTokenName2(), "DKIM CNAME record name to publish");
            output("EmailDkimRecord3", identity.getDkimDnsTokenName3(), "DKIM CNAME record name to publish");
        });
        Api.Deployed api = Api.create(this, config, functions);
        PortalDistribution.create(this, config, api.api(), edgeSecret);
        Schedules.create(this, config, functions);
        Topic alarms = Alarms.create(this, config, queues, functions, api);
        Dashboard.create(this, config, queues, functions, api);

        output("ApiUrl", api.stage().getUrl(), "Base URL of the merchant API");
        if (api.domain() != null) {
            output("CustomDomainTarget", api.domain().getRegionalDomainName(),
                    "Point the custom domain's DNS record (CNAME or alias) here");
        }
        output("TableName", table.getTableName(), "The DynamoDB table");
        output("ReportsBucketName", reports.getBucketName(), "The Report Center's exports (objects expire after "
                + ReportsBucket.EXPIRY_DAYS + " days)");
        output("StaffUserPoolId", staff.pool().getUserPoolId(),
                "The back office's staff user pool (TALLY_STAFF_POOL_ID for tally admin staff)");
        output("StaffUserPoolClientId", staff.client().getUserPoolClientId(),
                "The back office's app client (TALLY_STAFF_CLIENT_ID for tally admin staff)");
        queues.forEach((id, pair) -> {
            String name = Names.pascal(id.name());
            output(name + "QueueName", pair.queue().getQueueName(), "Queue " + id.logicalName());
            output(name + "QueueUrl", pair.queue().getQueueUrl(), "Queue " + id.logicalName());
            output(name + "DeadLetterQueueName", pair.deadLetters().getQueueName(), "Queue " + id.deadLetterName());
        });
        functions.forEach((id, deployed) -> output(Names.pascal(id.name()) + "FunctionName",
                deployed.function().getFunctionName(), "Function " + id.logicalName()));
        output("EmailConfigurationSetName", emailEvents.getConfigurationSetName(),
                "SES configuration set of the member e-mails (its event destination feeds the delivery statistics)");
        output("AlarmTopicArn", alarms.getTopicArn(), "SNS topic of every alarm of this stack");
        Compliance.apply(this);
    }

    public ITable table() {
        return table;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    private static Environment environment(StackConfig config) {
        if (config.region().isEmpty() && config.account().isEmpty()) {
            return null;
        }
        return Environment.builder().region(config.region().orElse(null)).account(config.account().orElse(null)).build();
    }
}
