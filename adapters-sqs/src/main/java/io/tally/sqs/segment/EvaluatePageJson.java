package io.tally.sqs.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;
import java.util.Optional;

/** The wire form of a page of a segment evaluation: {@code {brand, segment, snapshot, page, cursor?}}. */
public final class EvaluatePageJson {
    private final ObjectMapper json;

    public EvaluatePageJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(EvaluatePage page) {
        SnapshotKey k = page.snapshot();
        ObjectNode n = json.createObjectNode().put("brand", k.brand().value()).put("segment", k.segment().value())
                .put("snapshot", k.text()).put("page", page.page());
        page.cursor().ifPresent(c -> n.put("cursor", c));
        return SqsBody.of(n.toString());
    }

    /** Parses a page; throws IllegalArgumentException for anything that is not one. */
    public EvaluatePage read(String body) {
        try {
            JsonNode n = json.readTree(body);
            BrandId brand = new BrandId(n.required("brand").asText());
            SegmentId segment = new SegmentId(n.required("segment").asText());
            SnapshotKey key = SnapshotKey.parse(brand, segment, n.required("snapshot").asText())
                    .orElseThrow(() -> new IllegalArgumentException("not a snapshot: " + n.get("snapshot")));
            return new EvaluatePage(key, n.required("page").asInt(),
                    n.hasNonNull("cursor") ? Optional.of(n.get("cursor").asText()) : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an evaluation page: " + e.getOriginalMessage(), e);
        }
    }
}
