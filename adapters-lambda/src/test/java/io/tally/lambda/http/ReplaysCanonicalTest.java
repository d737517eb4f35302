package io.tally.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.sqs.json.WireJson;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The canonical text a request's fingerprint is taken of must stay byte for byte what earlier versions stored with
 * their idempotency records (they wrote it with {@code JsonNode.toString()}), or a retry across a deployment would be
 * answered as a different request.
 */
class ReplaysCanonicalTest {
    private final WireJson json = new WireJson();

    @Test
    void keys_are_sorted_and_values_keep_the_text_they_had() throws Exception {
        String body = "{\"b\":5E+2,\"a\":[500.00,\"x\\u00e9\\n\",true,null,-0.0],\"c\":{\"z\":1,\"y\":\"\\\"\"},"
                + "\"\\u00fc\":12345678901234567890}";

        assertEquals("{\"a\":[500.00,\"xé\\n\",true,null,0.0,],\"b\":5E+2,\"c\":{\"y\":\"\\\"\",\"z\":1,},"
                + "\"ü\":12345678901234567890,}", Replays.canonical(json.readTree(body)));
    }

    @Test
    void output_only_fields_are_left_out_at_the_top_level_only() throws Exception {
        String body = "{\"amount\":1.50,\"returnFields\":\"x\",\"n\":{\"returnFields\":2}}";

        assertEquals("{\"amount\":1.50,\"n\":{\"returnFields\":2,},}",
                Replays.canonical(json.readTree(body), Set.of("returnFields")));
    }
}
