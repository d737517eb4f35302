package io.tally.lambda.wiring;

import io.tally.domain.communication.UnsubscribeLinks;
import io.tally.domain.communication.rule.RuleFiring;
import io.tally.domain.shared.SignedTokens;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.portal.wiring.PortalSettings;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.email.SqsEmailOutbox;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/** How the events consumer and the jobs build the rules' firing (issue 15) from the portal's configuration. */
final class RuleWiring {
    private RuleWiring() {
    }

    /**
     * The firing: rules and due sends in the table, the e-mail queue, the portal's signing secret for the unsubscribe
     * links of subscription lists, and the brand's portal URL from {@code TALLY_PORTAL_ORIGIN} (without one, rules on
     * subscription lists send nothing: the sender would refuse them without their link).
     */
    static RuleFiring firing(DynamoStorage storage, PortalSettings portal, SqsClient sqs, Clock clock) {
        return new RuleFiring(storage.rules(), storage.templates(), storage.cards(), storage.portalConfigs(),
                storage.dueRuleMails(), new SqsEmailOutbox(sqs, portal.emailQueueUrl(), new EmailJson()),
                new UnsubscribeLinks(SignedTokens.fromText(portal.requireSigningSecret())),
                brand -> portal.publicOrigin().map(origin -> origin + "/portal/" + brand.value()), clock);
    }

    static IllegalStateException missing() {
        return new IllegalStateException("the rules' jobs need the portal's configuration (" + PortalSettings.PORTAL_SECRET
                + ", " + PortalSettings.EMAILS_QUEUE_URL + ")");
    }
}
