package io.tally.portal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Publishes the portal's domain events to the events queue in the same wire form as the merchant API's
 * publisher ({@code {id, type, brand, occurredAt, data}}). A copy, because this module sits below
 * adapters-lambda in the build graph; a shared SQS adapter module would remove it.
 */
public final class PortalEventPublisher implements PublishEventPort {
    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json = new ObjectMapper();

    public PortalEventPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        for (DomainEvent e : events) {
            ObjectNode n = json.createObjectNode();
            n.put("id", e.id());
            n.put("type", e.type());
            n.put("brand", e.brand().value());
            n.put("occurredAt", e.occurredAt().toString());
            ObjectNode data = n.putObject("data");
            e.data().forEach(data::put);
            sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(n.toString()).build());
        }
    }
}
