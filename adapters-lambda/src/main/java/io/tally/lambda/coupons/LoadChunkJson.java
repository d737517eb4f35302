package io.tally.lambda.coupons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.coupon.bulk.LoadChunk;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.coupon.bulk.NumberedLine;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of a coupon load chunk on the coupon-load queue: {@code {brand, job, chunk, count}} for generated codes,
 * {@code {brand, job, chunk, lines: [[lineNumber, "text"], …]}} for CSV lines.
 */
public final class LoadChunkJson {
    private final ObjectMapper json;

    public LoadChunkJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(LoadChunk chunk) {
        ObjectNode n = json.createObjectNode();
        n.put("brand", chunk.brand().value());
        n.put("job", chunk.job().value());
        n.put("chunk", chunk.chunk());
        if (chunk.lines().isEmpty()) {
            n.put("count", chunk.count());
        } else {
            ArrayNode lines = n.putArray("lines");
            chunk.lines().forEach(l -> lines.addArray().add(l.number()).add(l.text()));
        }
        try {
            return SqsBody.of(json.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a chunk; throws IllegalArgumentException for anything that is not one. */
    public LoadChunk read(String body) {
        try {
            JsonNode n = json.readTree(body);
            BrandId brand = new BrandId(n.required("brand").asText());
            LoadJobId job = new LoadJobId(n.required("job").asText());
            int chunk = n.required("chunk").asInt();
            if (!n.has("lines")) {
                return LoadChunk.generate(brand, job, chunk, n.required("count").asInt());
            }
            List<NumberedLine> lines = new ArrayList<>();
            for (JsonNode l : n.required("lines")) {
                lines.add(new NumberedLine(l.required(0).asLong(), l.required(1).asText()));
            }
            return LoadChunk.csv(brand, job, chunk, lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a coupon load chunk: " + e.getOriginalMessage(), e);
        }
    }
}
