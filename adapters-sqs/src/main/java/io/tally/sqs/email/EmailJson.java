package io.tally.sqs.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import java.util.HashMap;
import java.util.Map;

/** The e-mail queue's message body, hand-mapped (no reflection). */
public final class EmailJson {
    private final ObjectMapper json = new ObjectMapper();

    public String write(EmailMessage m) {
        ObjectNode node = json.createObjectNode();
        node.put("id", m.id());
        node.put("brand", m.brand().value());
        node.put("kind", m.kind().name());
        node.put("to", m.to());
        node.put("list", m.list());
        ObjectNode values = node.putObject("values");
        m.values().forEach(values::put);
        if (!m.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            m.headers().forEach(headers::put);
        }
        return SqsBody.of(node.toString());
    }

    public EmailMessage read(String text) {
        try {
            JsonNode node = json.readTree(text);
            Map<String, String> values = new HashMap<>();
            node.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            Map<String, String> headers = new HashMap<>(); // absent in messages queued before messages had headers
            node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            return new EmailMessage(node.path("id").asText(), new BrandId(node.path("brand").asText()),
                    EmailKind.valueOf(node.path("kind").asText()), node.path("to").asText(), node.path("list").asText(), values,
                    headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an e-mail message: " + e.getOriginalMessage(), e);
        }
    }
}
