package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The merchant API's OpenAPI document ({@code docs/openapi.yaml}, copied next to this class by the build), served at
 * {@code GET /merchant/openapi.yaml} so integrators can generate clients from what the deployed stack runs. Read on
 * first use, not during init: most containers never serve it.
 */
final class ContractDocument {
    static final String RESOURCE = "openapi.yaml";

    private ContractDocument() {
    }

    static APIGatewayV2HTTPResponse response() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/yaml; charset=utf-8",
                        "access-control-allow-origin", "*",
                        "cache-control", "public, max-age=300"))
                .withBody(Text.YAML).withIsBase64Encoded(false).build();
    }

    /** Holder: the text is read when the first request asks for it. */
    private static final class Text {
        static final String YAML = read();

        private static String read() {
            try (InputStream in = ContractDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath next to " + ContractDocument.class.getName()
                            + " (the build copies docs/openapi.yaml there)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
