package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.smsvoice.CfnConfigurationSet;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscriptionProps;
import software.constructs.Construct;

/**
 * SES's delivery events, the way in: the e-mail sender sends through a configuration set whose event destination
 * publishes Send, Delivery, Bounce, Complaint, Reject and DeliveryDelay (not Open and Click: our own image and links
 * count those) to an SNS topic, subscribed (not raw: the consumer reads the SNS envelope) by the delivery-events queue
 * ({@link QueueId#DELIVERY_EVENTS}, with its dead-letter queue and alarm like every queue). Where the stack sends texts,
 * the SMS configuration set publishes the texts' delivery events ({@link #TEXT_EVENTS}) to the same topic. Only SES
 * and End User Messaging SMS of this account may publish to the topic; the topic may send to the queue (the subscription's queue policy) and no function may
 * ({@code Functions} grants sending only on the queues {@code QueueId.fedByFunctions}).
 */
final class DeliveryEvents {
    static final List<EmailSendingEvent> EVENTS = List.of(EmailSendingEvent.SEND, EmailSendingEvent.DELIVERY,
            EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT,
            EmailSendingEvent.DELIVERY_DELAY);

    private DeliveryEvents() {
    }

    /** The texts' delivery events the SMS configuration set publishes (not queued and pending: nothing counts them). */
    static final List<String> TEXT_EVENTS = List.of("TEXT_DELIVERED", "TEXT_SUCCESSFUL", "TEXT_INVALID",
            "TEXT_INVALID_MESSAGE", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_BLOCKED", "TEXT_CARRIER_BLOCKED",
            "TEXT_SPAM", "TEXT_TTL_EXPIRED", "TEXT_UNKNOWN", "TEXT_PROTECT_BLOCKED");

    static ConfigurationSet create(Construct scope, StackConfig config, Map<QueueId, Queues.Pair> queues,
                                   Map<FunctionId, Functions.Deployed> functions, Optional<SmsSending.Deployed> sms) {
        ConfigurationSet set = ConfigurationSet.Builder.create(scope, "EmailConfigurationSet")
                .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
                .build();
        Topic topic = Topic.Builder.create(scope, "DeliveryEventsTopic")
                .displayName("Tally " + config.brand() + " " + config.stage() + " delivery events")
                .enforceSsl(true)
                .build();
        Stack stack = Stack.of(scope);
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("ses.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("AWS:SourceAccount", stack.getAccount())))
                .build());
        // texts' events (End User Messaging SMS) go to the same topic and queue, published by the SMS configuration set
        sms.ifPresent(texts -> {
            topic.addToResourcePolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("sms-voice.amazonaws.com")))
                    .actions(List.of("sns:Publish"))
                    .resources(List.of(topic.getTopicArn()))
                    .conditions(Map.of("StringEquals", Map.of("AWS:SourceAccount", stack.getAccount())))
                    .build());
            texts.configurationSet().setEventDestinations(List.of(CfnConfigurationSet.EventDestinationProperty.builder()
                    .eventDestinationName("ToTopic")
                    .enabled(true)
                    .matchingEventTypes(TEXT_EVENTS)
                    .snsDestination(CfnConfigurationSet.SnsDestinationProperty.builder()
                            .topicArn(topic.getTopicArn()).build())
                    .build()));
        });
        set.addEventDestination("ToTopic", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.snsTopic(topic))
                .events(EVENTS)
                .build());
        topic.addSubscription(new SqsSubscription(queues.get(QueueId.DELIVERY_EVENTS).queue(),
                SqsSubscriptionProps.builder().rawMessageDelivery(false).build()));
        // sending through the set needs ses:SendEmail on the set as well as on the identity
        functions.get(FunctionId.EMAIL_SENDER).function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail"))
                .resources(List.of(stack.formatArn(ArnComponents.builder()
                        .service("ses").resource("configuration-set").resourceName(set.getConfigurationSetName())
                        .build())))
                .build());
        return set;
    }
}
