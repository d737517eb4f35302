package io.tally.sqs.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tally.domain.segment.SegmentId;
import io.tally.domain.segment.evaluation.EvaluatePage;
import io.tally.domain.segment.evaluation.SnapshotKey;
import io.tally.domain.tenant.BrandId;
import io.tally.sqs.json.Json;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluatePageJsonTest {
    private final EvaluatePageJson json = new EvaluatePageJson(Json.mapper());
    private final SnapshotKey key = new SnapshotKey(new BrandId("ACME"), new SegmentId("seg-1"), LocalDate.of(2026, 12, 2), 7);

    @Test
    void a_page_goes_over_the_wire_and_back_unchanged() {
        for (EvaluatePage page : new EvaluatePage[] {new EvaluatePage(key, 0, Optional.empty()),
                new EvaluatePage(key, 41, Optional.of("set-1 6299000000000004"))}) {
            assertEquals(page, json.read(json.write(page)));
        }
    }

    @Test
    void anything_else_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"brand\":\"ACME\"}"));
        assertThrows(IllegalArgumentException.class, () -> json.read("{\"brand\":\"ACME\",\"segment\":\"s\","
                + "\"snapshot\":\"yesterday\",\"page\":0}"));
        assertThrows(IllegalArgumentException.class, () -> json.read("not json"));
    }
}
