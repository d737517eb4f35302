package io.tally.infra;

import io.tally.portal.sms.SmsSettings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.smsvoice.CfnConfigurationSet;
import software.amazon.awscdk.services.smsvoice.CfnOptOutList;
import software.amazon.awscdk.services.smsvoice.CfnPool;
import software.constructs.Construct;

/**
 * Texts on AWS (End User Messaging SMS): the brand's registered phone number or sender id goes into a pool of this
 * stack's, with the stack's own opt-out list (a member's STOP lands there and the service refuses later texts to that
 * number) and a configuration set (which publishes the texts' delivery events, {@code DeliveryEvents}). The SMS sender may call
 * {@code sms-voice:SendTextMessage} on exactly these three resources and nothing else: no other origination identity,
 * no other action.
 */
final class SmsSending {
    static final String SEND = "sms-voice:SendTextMessage";

    private SmsSending() {
    }

    record Deployed(CfnPool pool, CfnOptOutList optOuts, CfnConfigurationSet configurationSet) {
        /** The SMS sender's own environment: send through the pool, with the configuration set. */
        Map<String, String> environment() {
            return Map.of(SmsSettings.ORIGINATION_IDENTITY, pool.getAttrArn(),
                    SmsSettings.CONFIGURATION_SET, configurationSet.getRef());
        }

        void grantSend(Function sender) {
            sender.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of(SEND))
                    .resources(List.of(pool.getAttrArn(), optOuts.getAttrArn(), configurationSet.getAttrArn()))
                    .build());
        }
    }

    static Deployed create(Construct scope, StackConfig config, StackConfig.SmsOrigin origin) {
        String name = config.stackName() + "-sms";
        CfnOptOutList optOuts = CfnOptOutList.Builder.create(scope, "SmsOptOutList").optOutListName(name).build();
        CfnPool pool = CfnPool.Builder.create(scope, "SmsPool")
                .originationIdentities(List.of(origin.originationIdentityArn()))
                .optOutListName(optOuts.getRef())
                .selfManagedOptOutsEnabled(false)
                .sharedRoutesEnabled(false)
                .deletionProtectionEnabled(!config.disposable())
                .mandatoryKeywords(CfnPool.MandatoryKeywordsProperty.builder()
                        .stop(CfnPool.MandatoryKeywordProperty.builder()
                                .message(config.brand() + ": you will get no more texts from us.").build())
                        .help(CfnPool.MandatoryKeywordProperty.builder()
                                .message(config.brand() + " rewards texts. Reply STOP to stop them.").build())
                        .build())
                .build();
        CfnConfigurationSet configurationSet = CfnConfigurationSet.Builder.create(scope, "SmsConfigurationSet")
                .configurationSetName(name).build();
        return new Deployed(pool, optOuts, configurationSet);
    }
}
