package io.tally.sqs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.report.export.ExportShard;
import io.tally.domain.report.export.ReportId;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.SqsBody;

/** The wire form of a report shard on the reports queue: {@code {brand, report, shard}}. */
public final class ExportShardJson {
    private final ObjectMapper json;

    public ExportShardJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(ExportShard shard) {
        return SqsBody.of(json.createObjectNode().put("brand", shard.brand().value())
                .put("report", shard.report().value()).put("shard", shard.shard()).toString());
    }

    /** Parses a shard; throws IllegalArgumentException for anything that is not one. */
    public ExportShard read(String body) {
        try {
            JsonNode n = json.readTree(body);
            return new ExportShard(new BrandId(n.required("brand").asText()), new ReportId(n.required("report").asText()),
                    n.required("shard").asInt());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a report shard: " + e.getOriginalMessage(), e);
        }
    }
}
