package io.tally.sqs.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.communication.send.SendPage;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import java.util.Optional;

/** The wire form of a page of a send's fan-out: {@code {brand, send, page, cursor?}}. */
public final class SendPageJson {
    private final ObjectMapper json;

    public SendPageJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(SendPage page) {
        ObjectNode n = json.createObjectNode().put("brand", page.brand().value()).put("send", page.send())
                .put("page", page.page());
        page.cursor().ifPresent(c -> n.put("cursor", c));
        return SqsBody.of(n.toString());
    }

    /** Parses a page; throws IllegalArgumentException for anything that is not one. */
    public SendPage read(String body) {
        try {
            JsonNode n = json.readTree(body);
            return new SendPage(new BrandId(n.required("brand").asText()), n.required("send").asText(),
                    n.required("page").asInt(), n.hasNonNull("cursor") ? Optional.of(n.get("cursor").asText())
                    : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a send page: " + e.getOriginalMessage(), e);
        }
    }
}
