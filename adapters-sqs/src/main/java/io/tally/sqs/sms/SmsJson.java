package io.tally.sqs.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.card.CardNumber;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import java.util.Optional;

/** The SMS queue's message body (and a local capture's line), hand-mapped (no reflection); the origin where it has one. */
public final class SmsJson {
    private final ObjectMapper json = new ObjectMapper();

    public String write(SmsMessage m) {
        ObjectNode node = json.createObjectNode();
        node.put("id", m.id());
        node.put("brand", m.brand().value());
        node.put("to", m.to());
        node.put("list", m.list());
        node.put("text", m.text());
        m.origin().ifPresent(o -> {
            ObjectNode origin = node.putObject("origin");
            origin.put("mailing", o.mailing());
            origin.put("card", o.card().value());
            origin.put("template", o.template());
            o.location().ifPresent(l -> origin.put("location", l));
        });
        return SqsBody.of(node.toString());
    }

    public SmsMessage read(String text) {
        try {
            JsonNode node = json.readTree(text);
            JsonNode o = node.path("origin");
            // messages queued before texts had an origin have none
            Optional<SmsMessage.Origin> origin = o.isObject() ? Optional.of(new SmsMessage.Origin(
                    o.path("mailing").asText(), new CardNumber(o.path("card").asText()), o.path("template").asText(),
                    o.hasNonNull("location") ? Optional.of(o.path("location").asText()) : Optional.empty()))
                    : Optional.empty();
            return new SmsMessage(node.path("id").asText(), new BrandId(node.path("brand").asText()),
                    node.path("to").asText(), node.path("list").asText(), node.path("text").asText(), origin);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a text message: " + e.getOriginalMessage(), e);
        }
    }
}
