package io.tally.infra;

import io.tally.sqs.batch.SendBatches;
import static io.tally.infra.SynthesizedStacks.DEV;
import static io.tally.infra.SynthesizedStacks.DEV_CONFIG;
import static io.tally.infra.SynthesizedStacks.PROD;
import static io.tally.infra.SynthesizedStacks.PROD_CONFIG;
import static io.tally.infra.SynthesizedStacks.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.PeriodicJob;
import io.tally.lambda.topology.QueueId;
import io.tally.portal.wiring.PortalSettings;
import io.tally.lambda.topology.Route;
import io.tally.lambda.topology.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesised stacks against the shared topology: table, routes, queues, functions, IAM, alarms. */
class TallyStackTest {

    @Test
    void tableHasTheAdaptersKeysAndIndexes() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> table = properties(single(template, "AWS::DynamoDB::Table"));
            assertEquals(List.of(key(TallyTable.PK, "HASH"), key(TallyTable.SK, "RANGE")), table.get("KeySchema"));

            Set<Map<String, Object>> expectedAttributes = new HashSet<>();
            expectedAttributes.add(stringAttribute(TallyTable.PK));
            expectedAttributes.add(stringAttribute(TallyTable.SK));
            List<Map<String, Object>> expectedIndexes = new ArrayList<>();
            for (TallyTable.Gsi gsi : TallyTable.GSIS) {
                expectedAttributes.add(stringAttribute(gsi.partitionKey()));
                expectedAttributes.add(stringAttribute(gsi.sortKey()));
                expectedIndexes.add(Map.of(
                        "IndexName", gsi.name(),
                        "KeySchema", List.of(key(gsi.partitionKey(), "HASH"), key(gsi.sortKey(), "RANGE")),
                        "Projection", gsi.keysOnly() ? Map.of("ProjectionType", "KEYS_ONLY")
                                : gsi.projectsAll() ? Map.of("ProjectionType", "ALL")
                                : Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes", gsi.projected())));
            }
            assertEquals(expectedAttributes, new HashSet<>(list(table.get("AttributeDefinitions"))));
            assertEquals(expectedIndexes, table.get("GlobalSecondaryIndexes"));
            assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
            assertEquals(Map.of("AttributeName", TallyTable.TTL_ATTRIBUTE, "Enabled", true), table.get("TimeToLiveSpecification"));
            assertEquals(true, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"));
            assertEquals(true, map(table.get("SSESpecification")).get("SSEEnabled"));
        }
    }

    @Test
    void productionDataSurvivesTheStackAndDevDataDoesNot() {
        Map<String, Object> prod = single(PROD, "AWS::DynamoDB::Table");
        assertEquals("Retain", prod.get("DeletionPolicy"));
        assertEquals("Retain", prod.get("UpdateReplacePolicy"));
        assertEquals(true, properties(prod).get("DeletionProtectionEnabled"));

        Map<String, Object> dev = single(DEV, "AWS::DynamoDB::Table");
        assertEquals("Delete", dev.get("DeletionPolicy"));
        assertFalse(Boolean.TRUE.equals(properties(dev).get("DeletionProtectionEnabled")));
        // a customer-managed key goes (or stays) with its table
        Map<String, Object> devKey = single(DEV, "AWS::KMS::Key");
        assertEquals("Delete", devKey.get("DeletionPolicy"));
        assertEquals(true, properties(devKey).get("EnableKeyRotation"));
        assertEquals(Map.of("Fn::GetAtt", List.of(logicalId(DEV, devKey), "Arn")),
                map(properties(single(DEV, "AWS::DynamoDB::Table")).get("SSESpecification")).get("KMSMasterKeyId"));
    }

    @Test
    void everyRouteIsDeployedAndNothingElse() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Map<String, Object>> resources = resources(template);
            Map<String, Object> routesByKey = new HashMap<>();
            ofType(template, "AWS::ApiGatewayV2::Route").values()
                    .forEach(route -> routesByKey.put((String) properties(route).get("RouteKey"), route));
            assertEquals(Routes.ALL.stream().map(Route::routeKey).collect(Collectors.toSet()), routesByKey.keySet());

            for (Route route : Routes.ALL) {
                Map<String, Object> target = map(properties(map(routesByKey.get(route.routeKey()))).get("Target"));
                String integrationId = (String) map(list(list(target.get("Fn::Join")).get(1)).get(1)).get("Ref");
                Map<String, Object> integration = properties(resources.get(integrationId));
                assertEquals("AWS_PROXY", integration.get("IntegrationType"));
                assertEquals("2.0", integration.get("PayloadFormatVersion"));
                assertEquals(Map.of("Ref", aliasId(template, route.function())), integration.get("IntegrationUri"),
                        route.routeKey() + " invokes the live alias of " + route.function());
            }
        }
    }

    @Test
    void whatNoRouteMatchesReachesTheMerchantFunctionsDefaultRoute() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> fallback = ofType(template, "AWS::ApiGatewayV2::Route").values().stream()
                    .filter(route -> "$default".equals(properties(route).get("RouteKey")))
                    .findFirst().orElseThrow(() -> new AssertionError("no $default route"));
            String integrationId = (String) map(list(list(map(properties(fallback).get("Target")).get("Fn::Join")).get(1)).get(1))
                    .get("Ref");
            assertEquals(Map.of("Ref", aliasId(template, FunctionId.MERCHANT_API)),
                    properties(resources(template).get(integrationId)).get("IntegrationUri"));
        }
    }

    @Test
    void theMerchantHandlerAnswersCorsPreflightItself() {
        for (Template template : SynthesizedStacks.both()) {
            assertFalse(properties(single(template, "AWS::ApiGatewayV2::Api")).containsKey("CorsConfiguration"),
                    "API-level CORS would answer OPTIONS before the OPTIONS route is reached");
        }
    }

    @Test
    void defaultStageIsThrottledAndCustomDomainIsMapped() {
        Map<String, Object> stage = properties(single(PROD, "AWS::ApiGatewayV2::Stage"));
        assertEquals("$default", stage.get("StageName"));
        assertEquals(Map.of("ThrottlingBurstLimit", 80, "ThrottlingRateLimit", 50),
                stage.get("DefaultRouteSettings"));
        assertEquals("api.acme.example", properties(single(PROD, "AWS::ApiGatewayV2::DomainName")).get("DomainName"));
        PROD.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
        DEV.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
        assertEquals(Map.of("ThrottlingBurstLimit", StackConfig.DEFAULT_BURST_LIMIT,
                        "ThrottlingRateLimit", (int) StackConfig.DEFAULT_RATE_LIMIT),
                properties(single(DEV, "AWS::ApiGatewayV2::Stage")).get("DefaultRouteSettings"));
    }

    @Test
    void everyQueueHasAnEncryptedDeadLetterQueue() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Map<String, Object>> queues = ofType(template, "AWS::SQS::Queue");
            assertEquals(2 * QueueId.values().length, queues.size());
            queues.values().forEach(queue -> assertEquals(true, properties(queue).get("SqsManagedSseEnabled")));
            // SQS enforces the size the senders keep to (SendBatches), not its larger default
            queues.values().forEach(queue -> assertEquals(262_144, properties(queue).get("MaximumMessageSize")));
            assertTrue(SendBatches.MAX_BYTES < 262_144);
            for (QueueId id : QueueId.values()) {
                Map<String, Object> queue = properties(resources(template).get(queueId(template, id)));
                Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
                int maxReceiveCount = ((Number) redrive.get("maxReceiveCount")).intValue();
                assertEquals(id.maxReceiveCount(), maxReceiveCount);
                assertTrue(maxReceiveCount >= 5, id + " retries at least 5 times");
                String dlqId = (String) list(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);
                assertEquals("AWS::SQS::Queue", resources(template).get(dlqId).get("Type"));
                assertEquals(id.visibilityTimeoutSeconds(), queue.get("VisibilityTimeout"));
            }
        }
    }

    @Test
    void everyFunctionRunsItsSnapStartedVersionBehindTheLiveAlias() {
        for (Template template : SynthesizedStacks.both()) {
            StackConfig config = template == PROD ? PROD_CONFIG : DEV_CONFIG;
            assertEquals(FunctionId.values().length, ofType(template, "AWS::Lambda::Function").size());
            for (FunctionId id : FunctionId.values()) {
                String functionId = functionId(template, id);
                Map<String, Object> function = properties(resources(template).get(functionId));
                assertEquals("java21", function.get("Runtime"));
                assertEquals(List.of("arm64"), function.get("Architectures"));
                assertEquals(id.memoryMb(), function.get("MemorySize"));
                assertEquals(id.timeoutSeconds(), function.get("Timeout"));
                assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
                Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
                assertEquals(Functions.JAVA_TOOL_OPTIONS, variables.get("JAVA_TOOL_OPTIONS"));
                assertEquals(config.stage(), variables.get("TALLY_STAGE"));
                assertEquals(config.brand(), variables.get("TALLY_BRAND"));
                assertEquals(Map.of("Ref", single(template, "AWS::DynamoDB::Table", true)), variables.get("TALLY_TABLE_NAME"));
                assertEquals(4, ofType(template, "AWS::SecretsManager::Secret").size(),
                        "the portal's, the back office's and the tracking links' signing secrets, the sealing secret");
                String trackingSecret = single(ofType(template, "AWS::SecretsManager::Secret"), s -> true,
                        "TrackingSigningSecret");
                assertEquals(id == FunctionId.PORTAL || id == FunctionId.EMAIL_SENDER,
                        String.valueOf(variables.get(PortalSettings.TRACKING_SECRET)).contains(trackingSecret),
                        id + ": the tracking secret only where links are signed (e-mail sender) or checked (portal)");
                assertEquals(id == FunctionId.BACK_OFFICE, variables.containsKey(OfficeSettings.OFFICE_SECRET),
                        "only the back office has its signing secret");
                String portalSecret = single(ofType(template, "AWS::SecretsManager::Secret"), s -> true, "PortalSigningSecret");
                String sealSecret = single(ofType(template, "AWS::SecretsManager::Secret"), s -> true, "SealingSecret");
                assertEquals(Functions.PORTAL_SECRET_READERS.contains(id),
                        String.valueOf(variables.get(Functions.PORTAL_SECRET_VARIABLE)).contains(portalSecret),
                        id + ": the portal's signing secret, from the stack's own Secrets Manager secret, only where read");
                assertEquals(Functions.SEAL_SECRET_READERS.contains(id),
                        String.valueOf(variables.get(Functions.SEAL_SECRET_VARIABLE)).contains(sealSecret),
                        id + ": so does the sealing secret, a different one");
                assertEquals(template == PROD && (id == FunctionId.BACK_OFFICE || id == FunctionId.MAILER) ? "on" : null,
                        variables.get(OfficeSettings.SMS_CHANNEL), id + ": the SMS channel of sends where texts are sent");
                assertEquals(Map.of("Mode", "Active"), function.get("TracingConfig"), id + " traces with X-Ray");
                for (QueueId queue : QueueId.values()) {
                    // the delivery events' queue is fed by SES's topic only: no function learns its URL
                    assertEquals(queue.fedByFunctions() ? Map.of("Ref", queueId(template, queue)) : null,
                            variables.get(queue.urlEnvironmentVariable()), id + ": " + queue);
                }
                Map<String, Object> logging = map(function.get("LoggingConfig"));
                String logGroupId = (String) map(logging.get("LogGroup")).get("Ref");
                assertEquals(30, properties(resources(template).get(logGroupId)).get("RetentionInDays"));

                String versionId = single(ofType(template, "AWS::Lambda::Version"),
                        v -> Map.of("Ref", functionId).equals(properties(v).get("FunctionName")));
                Map<String, Object> alias = properties(resources(template).get(aliasId(template, id)));
                assertEquals(Functions.ALIAS, alias.get("Name"));
                assertEquals(Map.of("Fn::GetAtt", List.of(versionId, "Version")), alias.get("FunctionVersion"));
            }
        }
    }

    @Test
    void noFunctionMaySendToTheDeliveryEventsQueue() {
        // a forged complaint would unsubscribe any member, a forged bounce stop their mail: only SES's topic feeds it
        for (Template template : SynthesizedStacks.both()) {
            String queue = queueId(template, QueueId.DELIVERY_EVENTS);
            for (Map<String, Object> policy : ofType(template, "AWS::IAM::Policy").values()) {
                Map<String, Object> document = map(properties(policy).get("PolicyDocument"));
                for (Object statement : (List<?>) document.get("Statement")) {
                    Map<String, Object> st = map(statement);
                    boolean sends = String.valueOf(st.get("Action")).contains("sqs:SendMessage");
                    assertFalse(sends && String.valueOf(st.get("Resource")).contains(queue),
                            "a function may send to the delivery events queue: " + st);
                }
            }
        }
    }

    @Test
    void queuesFeedTheirConsumersLiveAliasWithPartialBatchFailures() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Map<String, Object>> mappings = ofType(template, "AWS::Lambda::EventSourceMapping");
            assertEquals(QueueId.values().length, mappings.size());
            for (QueueId id : QueueId.values()) {
                Map<String, Object> mapping = properties(resources(template).get(single(mappings,
                        m -> Map.of("Fn::GetAtt", List.of(queueId(template, id), "Arn")).equals(properties(m).get("EventSourceArn")))));
                assertEquals(id.batchSize(), mapping.get("BatchSize"));
                assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
                assertTrue(mapping.get("FunctionName").toString().contains(aliasId(template, id.consumer())),
                        id + " is consumed by the live alias of " + id.consumer());
            }
        }
    }

    @Test
    void iamPoliciesNameOnlyThisStacksResources() {
        for (Template template : SynthesizedStacks.both()) {
            Set<String> ownIds = resources(template).keySet();
            Map<String, Map<String, Object>> policies = ofType(template, "AWS::IAM::Policy");
            assertFalse(policies.isEmpty());
            policies.forEach((policyId, policy) -> {
                for (Object statement : list(map(properties(policy).get("PolicyDocument")).get("Statement"))) {
                    if (IamResources.isXRayTracing(map(statement))) {
                        continue;
                    }
                    Object resource = map(statement).get("Resource");
                    List<?> named = resource instanceof List<?> many ? many : List.of(resource);
                    for (Object one : named) {
                        assertTrue(IamResources.referencesOwnResource(one, ownIds),
                                policyId + " names a resource outside this stack: " + one);
                    }
                }
            });
        }
    }

    @Test
    void rolesCarryNoManagedPolicies() {
        for (Template template : SynthesizedStacks.both()) {
            ofType(template, "AWS::IAM::Role").forEach((id, role) ->
                    assertFalse(properties(role).containsKey("ManagedPolicyArns"), id + " has a managed policy"));
        }
    }

    @Test
    void onlyTheEmailSenderMaySendFromTheBrandsSesIdentity() {
        Template prod = SynthesizedStacks.PROD;
        prod.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "mail.acme.example"));
        Map<String, Map<String, Object>> sending = new HashMap<>();
        ofType(prod, "AWS::IAM::Policy").forEach((id, policy) -> {
            if (properties(policy).toString().contains("ses:SendEmail")) {
                sending.put(id, policy);
            }
        });
        assertEquals(1, sending.size(), "one policy grants sending: " + sending.keySet());
        assertTrue(sending.keySet().iterator().next().startsWith("EmailSender"), sending.keySet().toString());
        assertTrue(ofType(SynthesizedStacks.DEV, "AWS::SES::EmailIdentity").isEmpty(), "no identity without a domain");
    }

    @Test
    void onlyTheSmsSenderMaySendTextsAndOnlyThroughTheStacksPoolOptOutListAndConfigurationSet() {
        Template prod = SynthesizedStacks.PROD;
        String pool = single(ofType(prod, "AWS::SMSVOICE::Pool"), p -> true);
        assertEquals(List.of(SynthesizedStacks.SMS_NUMBER),
                properties(resources(prod).get(pool)).get("OriginationIdentities"));
        String optOuts = single(ofType(prod, "AWS::SMSVOICE::OptOutList"), p -> true);
        String configurationSet = single(ofType(prod, "AWS::SMSVOICE::ConfigurationSet"), p -> true);
        List<Object> texting = new ArrayList<>();
        ofType(prod, "AWS::IAM::Policy").forEach((id, policy) -> {
            for (Object statement : list(map(properties(policy).get("PolicyDocument")).get("Statement"))) {
                if (map(statement).toString().contains("sms-voice:")) {
                    assertTrue(id.startsWith("SmsSender"), id + " may send texts");
                    texting.add(statement);
                }
            }
        });
        assertEquals(1, texting.size(), texting.toString());
        assertEquals("sms-voice:SendTextMessage", map(texting.get(0)).get("Action"));
        assertEquals(Set.of(Map.of("Fn::GetAtt", List.of(pool, "Arn")), Map.of("Fn::GetAtt", List.of(optOuts, "Arn")),
                        Map.of("Fn::GetAtt", List.of(configurationSet, "Arn"))),
                new HashSet<>(list(map(texting.get(0)).get("Resource"))));
        assertTrue(ofType(SynthesizedStacks.DEV, "AWS::SMSVOICE::Pool").isEmpty(), "no pool without a number");
        assertFalse(SynthesizedStacks.DEV.toJSON().toString().contains("sms-voice:"), "and no permission");
    }

    @Test
    void functionsMayNotScanTheTable() {
        for (Template template : SynthesizedStacks.both()) {
            ofType(template, "AWS::IAM::Policy").forEach((id, policy) -> assertFalse(
                    properties(policy).toString().contains("dynamodb:Scan"), id + " allows Scan"));
        }
    }

    @Test
    void everyPeriodicJobIsScheduledAgainstItsFunctionsAlias() {
        for (Template template : SynthesizedStacks.both()) {
            StackConfig config = template == PROD ? PROD_CONFIG : DEV_CONFIG;
            Map<String, Map<String, Object>> schedules = ofType(template, "AWS::Scheduler::Schedule");
            assertEquals(config.periodicJobs().size(), schedules.size());
            for (PeriodicJob job : config.periodicJobs()) {
                Map<String, Object> target = map(properties(resources(template).get(single(schedules,
                        s -> properties(s).get("Description").toString().contains(job.name())))).get("Target"));
                assertEquals(Map.of("Ref", aliasId(template, job.function())), target.get("Arn"));
                assertEquals(job.invocationPayload(), target.get("Input"));
            }
        }
        assertTrue(DEV_CONFIG.periodicJobs().contains(SynthesizedStacks.SAMPLE_JOB));
    }

    @Test
    void alarmsWatchDeadLettersFunctionsAndTheApi() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Map<String, Object>> alarms = ofType(template, "AWS::CloudWatch::Alarm");
            for (QueueId id : QueueId.values()) {
                String dlqId = (String) list(map(map(properties(resources(template).get(queueId(template, id)))
                        .get("RedrivePolicy")).get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);
                Map<String, Object> alarm = properties(resources(template).get(single(alarms, a -> isMetricOn(a,
                        "ApproximateNumberOfMessagesVisible", Map.of("Fn::GetAtt", List.of(dlqId, "QueueName"))))));
                assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
                assertEquals(0, alarm.get("Threshold"));
                assertNotNull(alarm.get("AlarmActions"));
            }
            for (FunctionId id : FunctionId.values()) {
                Map<String, Object> functionRef = Map.of("Ref", functionId(template, id));
                single(alarms, a -> isMetricOn(a, "Errors", functionRef));
                single(alarms, a -> isMetricOn(a, "Throttles", functionRef));
            }
            Map<String, Object> apiRef = Map.of("Ref", single(template, "AWS::ApiGatewayV2::Api", true));
            single(alarms, a -> isMetricOn(a, "5xx", apiRef));
        }
        PROD.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@acme.example"));
        DEV.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "email"), 0);
    }

    @Test
    void ses_publishes_delivery_events_through_its_topic_to_the_delivery_events_queue() {
        for (Template template : List.of(PROD, DEV)) {
            template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", Map.of("EventDestination",
                    Match.objectLike(Map.of("Enabled", true, "MatchingEventTypes", Match.arrayWith(List.of("send",
                            "delivery", "bounce", "complaint", "reject", "deliveryDelay"))))));
            template.resourcePropertiesCountIs("AWS::SES::ConfigurationSetEventDestination", Map.of("EventDestination",
                    Match.objectLike(Map.of("MatchingEventTypes", Match.arrayWith(List.of("open"))))), 0);
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs",
                    "Endpoint", Map.of("Fn::GetAtt", List.of(queueId(template, QueueId.DELIVERY_EVENTS), "Arn"))));
            template.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "sqs",
                    "RawMessageDelivery", true), 0);
            template.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", FunctionId.EMAIL_SENDER.handler(),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(PortalSettings.SES_CONFIGURATION_SET,
                            Map.of("Ref", single(template, "AWS::SES::ConfigurationSet", true)))))));
        }
    }

    @Test
    void the_sms_configuration_set_publishes_the_texts_delivery_events_to_the_same_topic() {
        String topic = single(ofType(PROD, "AWS::SNS::Topic"), t -> String.valueOf(properties(t).get("DisplayName"))
                .contains("delivery events"));
        PROD.hasResourceProperties("AWS::SMSVOICE::ConfigurationSet", Map.of("EventDestinations", List.of(
                Match.objectLike(Map.of("Enabled", true, "SnsDestination", Map.of("TopicArn", Map.of("Ref", topic)),
                        "MatchingEventTypes", Match.arrayWith(List.of("TEXT_DELIVERED", "TEXT_SUCCESSFUL",
                                "TEXT_INVALID")))))));
        PROD.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "sns:Publish",
                        "Principal", Map.of("Service", "sms-voice.amazonaws.com")))))))));
        DEV.resourcePropertiesCountIs("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "sms-voice.amazonaws.com")))))))), 0);
    }

    @Test
    void outputsNameTheApiTableAndQueues() {
        Map<String, Map<String, Object>> outputs = PROD.findOutputs("*");
        assertTrue(outputs.containsKey("ApiUrl"));
        assertTrue(outputs.containsKey("TableName"));
        assertTrue(outputs.containsKey("AlarmTopicArn"));
        assertTrue(outputs.containsKey("CustomDomainTarget"));
        for (QueueId id : QueueId.values()) {
            String name = Names.pascal(id.name());
            assertTrue(outputs.containsKey(name + "QueueName"));
            assertTrue(outputs.containsKey(name + "QueueUrl"));
            assertTrue(outputs.containsKey(name + "DeadLetterQueueName"));
        }
    }

    @Test
    void synthesisRaisesNoWarningsOrErrors() {
        for (TallyStack stack : SynthesizedStacks.STACKS) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.hasNoWarning("*", Match.anyValue());
            annotations.hasNoError("*", Match.anyValue());
        }
    }

    // --- template navigation -------------------------------------------------------------------

    private static boolean isMetricOn(Map<String, Object> alarm, String metricName, Object dimensionValue) {
        Map<String, Object> properties = properties(alarm);
        return metricName.equals(properties.get("MetricName")) && list(properties.get("Dimensions")).stream()
                .anyMatch(d -> dimensionValue.equals(map(d).get("Value")));
    }

    private static String functionId(Template template, FunctionId id) {
        return single(ofType(template, "AWS::Lambda::Function"), f -> id.handler().equals(properties(f).get("Handler")));
    }

    private static String aliasId(Template template, FunctionId id) {
        String functionId = functionId(template, id);
        return single(ofType(template, "AWS::Lambda::Alias"),
                a -> Map.of("Ref", functionId).equals(properties(a).get("FunctionName")));
    }

    private static String queueId(Template template, QueueId id) {
        String prefix = Names.pascal(id.name()) + "Queue";
        return single(ofType(template, "AWS::SQS::Queue"), q -> true, prefix);
    }

    private static Map<String, Map<String, Object>> ofType(Template template, String type) {
        return template.findResources(type);
    }

    private static Map<String, Object> single(Template template, String type) {
        Map<String, Map<String, Object>> found = ofType(template, type);
        assertEquals(1, found.size(), "one " + type);
        return found.values().iterator().next();
    }

    private static String single(Template template, String type, boolean logicalId) {
        Map<String, Map<String, Object>> found = ofType(template, type);
        assertEquals(1, found.size(), "one " + type);
        return found.keySet().iterator().next();
    }

    private static String single(Map<String, Map<String, Object>> candidates,
                                 java.util.function.Predicate<Map<String, Object>> matches) {
        return single(candidates, matches, "");
    }

    private static String single(Map<String, Map<String, Object>> candidates,
                                 java.util.function.Predicate<Map<String, Object>> matches, String idPrefix) {
        List<String> found = candidates.entrySet().stream()
                .filter(e -> e.getKey().startsWith(idPrefix) && matches.test(e.getValue()))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, found.size(), "exactly one match among " + candidates.keySet() + ": " + found);
        return found.get(0);
    }

    private static String logicalId(Template template, Map<String, Object> resource) {
        return resources(template).entrySet().stream().filter(e -> e.getValue().equals(resource))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Map<String, Object> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    private static Map<String, Object> stringAttribute(String name) {
        return Map.of("AttributeName", name, "AttributeType", "S");
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
