package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * One Lambda function per {@link FunctionId}, all from the one shaded jar. Each runs on java21/arm64
 * with SnapStart on its published version; everything that calls it (API routes, SQS event sources,
 * schedules) calls the {@value #ALIAS} alias, so a deploy switches traffic only once the new snapshot
 * is ready.
 *
 * <p>Each function gets its own role with no managed policies: it may write to its own log group and X-Ray traces, use
 * the table's items and query the indexes its code queries ({@link TableAccess}), send to every queue our functions
 * feed (every function gets those queues' URLs; not the delivery events' queue, fed by SES's topic alone:
 * {@code QueueId.fedByFunctions}), and the consumer of a queue may consume it. Nothing else. The generated secrets
 * reach only the functions that read them ({@link #PORTAL_SECRET_READERS}, {@link #SEAL_SECRET_READERS}, the office's
 * and the tracking secret in {@code TallyStack}).
 */
final class Functions {
    static final String ALIAS = "live";
    /** C1 only: most of the cold-start win on a short-lived function (see STACK.md). */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /**
     * Who gets the portal's signing secret: the portal (links, CSRF tokens, challenges), the jobs (the enrollment
     * completer signs the links of its e-mails; the rules' delayed and date sends sign their unsubscribe links), the back
     * office (the welcome e-mail's preferences link, which the portal verifies), the mailer (each recipient's unsubscribe
     * and preferences links of a scheduled send), the events consumer (the rules it fires sign their unsubscribe links,
     * issue 15). Not the merchant API, the coupon loader or the e-mail sender (it sends what others signed;
     * {@code PortalSettings} reads each secret only where it is used).
     */
    static final Set<FunctionId> PORTAL_SECRET_READERS = EnumSet.of(
            FunctionId.PORTAL, FunctionId.JOBS, FunctionId.BACK_OFFICE, FunctionId.MAILER, FunctionId.EVENTS_CONSUMER);
    /**
     * Who gets the sealing secret: the merchant API (replayed answers), the portal and the jobs (an enrollment's chosen
     * PIN). Not the back office, the events consumer, the coupon loader or the e-mail sender.
     */
    static final Set<FunctionId> SEAL_SECRET_READERS = EnumSet.of(
            FunctionId.MERCHANT_API, FunctionId.PORTAL, FunctionId.JOBS);

    /** A deployed function and the alias that everything invokes. */
    record Deployed(Function function, Alias alias) {
    }

    private Functions() {
    }

    /**
     * @param ownEnvironment settings only some functions get (the back office's pool, client and signing secret), on
     *                       top of the shared ones
     */
    static Map<FunctionId, Deployed> create(Construct scope, StackConfig config, ITable table,
                                            Map<QueueId, Queues.Pair> queues,
                                            Map<FunctionId, Map<String, String>> ownEnvironment) {
        Code code = Code.fromAsset(config.lambdaJar().toString());
        Map<String, String> environment = environment(config, table, queues);
        String portalSecret = generatedSecret(scope, config, "PortalSigningSecret", "Tally member portal signing secret");
        String sealSecret = generatedSecret(scope, config, "SealingSecret",
                "Tally sealing secret (PINs at rest: replayed answers, enrollments in progress)");
        Map<FunctionId, Deployed> functions = new EnumMap<>(FunctionId.class);
        for (FunctionId id : FunctionId.values()) {
            Map<String, String> own = new LinkedHashMap<>(environment);
            if (PORTAL_SECRET_READERS.contains(id)) {
                own.put(PORTAL_SECRET_VARIABLE, portalSecret);
            }
            if (SEAL_SECRET_READERS.contains(id)) {
                own.put(SEAL_SECRET_VARIABLE, sealSecret);
            }
            own.putAll(ownEnvironment.getOrDefault(id, Map.of()));
            functions.put(id, create(scope, config, id, code, own));
        }
        for (Map.Entry<FunctionId, Deployed> entry : functions.entrySet()) {
            Deployed deployed = entry.getValue();
            grantTableAccess(deployed.function(), table, TableAccess.of(entry.getKey()));
            if (table.getEncryptionKey() != null) {
                table.getEncryptionKey().grantEncryptDecrypt(deployed.function());
            }
            queues.forEach((id, pair) -> {
                if (id.fedByFunctions()) {
                    pair.queue().grantSendMessages(deployed.function());
                }
            });
        }
        for (Map.Entry<QueueId, Queues.Pair> entry : queues.entrySet()) {
            QueueId queue = entry.getKey();
            functions.get(queue.consumer()).alias().addEventSource(new SqsEventSource(entry.getValue().queue(),
                    SqsEventSourceProps.builder()
                            .batchSize(queue.batchSize())
                            .reportBatchItemFailures(true)
                            .build()));
        }
        return functions;
    }

    /** One statement: the function's actions on the table and on each index it queries, by name (no index wildcard). */
    private static void grantTableAccess(Function function, ITable table, TableAccess.Access access) {
        List<String> resources = new ArrayList<>();
        resources.add(table.getTableArn());
        access.indexes().forEach(gsi -> resources.add(table.getTableArn() + "/index/" + gsi.name()));
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(access.actions())
                .resources(resources)
                .build());
    }

    private static Deployed create(Construct scope, StackConfig config, FunctionId id, Code code,
                                   Map<String, String> environment) {
        String name = Names.pascal(id.name());
        LogGroup logs = LogGroup.Builder.create(scope, name + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        Role role = Role.Builder.create(scope, name + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Tally " + id.logicalName() + " (" + config.brand() + " " + config.stage() + ")")
                .build();
        logs.grantWrite(role);
        Function function = Function.Builder.create(scope, name + "Function")
                .description("Tally " + id.logicalName() + " (" + config.brand() + " " + config.stage() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(id.handler())
                .memorySize(id.memoryMb())
                .timeout(Duration.seconds(id.timeoutSeconds()))
                .environment(environment)
                .role(role)
                .logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // the trace id reaches the logs through the runtime (_X_AMZN_TRACE_ID); the HTTP API itself cannot trace
                .tracing(Tracing.ACTIVE)
                // a deploy replaces the version; keeping the old one is what lets an operator move the alias back to it
                .currentVersionOptions(VersionOptions.builder()
                        .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN).build())
                .build();
        // CDK warns on every SnapStart function; this one always gets a published version (below)
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias points at the function's current published version");
        // the version must be published after the role's policy exists, or the first snapshot's init may lack permissions
        function.getCurrentVersion().getNode().addDependency(role);
        Alias alias = Alias.Builder.create(scope, name + "LiveAlias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        return new Deployed(function, alias);
    }

    /** Read by no code: changing it is what makes CloudFormation publish versions that resolve the secrets again. */
    static final String SECRETS_REVISION_VARIABLE = "TALLY_SECRETS_REVISION";

    /** The member portal's signing secret (links in e-mails, CSRF tokens, challenges); read by PortalSettings. */
    static final String PORTAL_SECRET_VARIABLE = "TALLY_PORTAL_SECRET";

    /**
     * The sealing secret: what must rest in the table unreadable (a replayed answer holding a PIN, the PIN an enrollment
     * in progress has chosen) is sealed with it; read by Settings (merchant API) and PortalSettings (portal, jobs).
     */
    static final String SEAL_SECRET_VARIABLE = "TALLY_SEAL_SECRET";

    /**
     * A 48-character secret generated once per stack in Secrets Manager and handed to the functions as configuration
     * (a CloudFormation dynamic reference, resolved at deploy time), so nothing random is created during Lambda init.
     * Retained with the stack's data unless the stack is disposable: what it sealed or signed must stay readable.
     */
    static String generatedSecret(Construct scope, StackConfig config, String id, String description) {
        Secret secret = Secret.Builder.create(scope, id)
                .description(description + " (" + config.brand() + " " + config.stage() + ")")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        return secret.getSecretValue().unsafeUnwrap();
    }

    private static Map<String, String> environment(StackConfig config, ITable table, Map<QueueId, Queues.Pair> queues) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TALLY_TABLE_NAME", table.getTableName());
        queues.forEach((id, pair) -> {
            if (id.fedByFunctions()) {
                environment.put(id.urlEnvironmentVariable(), pair.queue().getQueueUrl());
            }
        });
        environment.put("TALLY_STAGE", config.stage());
        environment.put("TALLY_BRAND", config.brand());
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        config.secretsRevision().ifPresent(revision -> environment.put(SECRETS_REVISION_VARIABLE, revision));
        return environment;
    }
}
