package io.tally.sqs.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;

/** The SMS queue's message body (and a local capture's line), hand-mapped (no reflection). */
public final class SmsJson {
    private final ObjectMapper json = new ObjectMapper();

    public String write(SmsMessage m) {
        ObjectNode node = json.createObjectNode();
        node.put("id", m.id());
        node.put("brand", m.brand().value());
        node.put("to", m.to());
        node.put("list", m.list());
        node.put("text", m.text());
        return node.toString();
    }

    public SmsMessage read(String text) {
        try {
            JsonNode node = json.readTree(text);
            return new SmsMessage(node.path("id").asText(), new BrandId(node.path("brand").asText()),
                    node.path("to").asText(), node.path("list").asText(), node.path("text").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a text message: " + e.getOriginalMessage(), e);
        }
    }
}
