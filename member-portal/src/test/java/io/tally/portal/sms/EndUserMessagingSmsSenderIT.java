package io.tally.portal.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tally.domain.card.CardNumber;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The End User Messaging SMS sender against a stand-in of the service's endpoint on 127.0.0.1: the request is an AWS
 * JSON 1.0 {@code SendTextMessage}, SigV4-signed for {@code sms-voice} in the region, naming the origination identity,
 * the configuration set and the message type; a refusal throws with the API's error type only.
 */
class EndUserMessagingSmsSenderIT {
    private final List<Map<String, String>> headers = new ArrayList<>();
    private final List<JsonNode> bodies = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;

    private EndUserMessagingSmsSender sender() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            headers.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    "type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            bodies.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            byte[] answer = (status.get() == 200 ? "{\"MessageId\":\"m-1\"}"
                    : "{\"__type\":\"com.amazonaws#ValidationException\",\"message\":\"+15550100123 is invalid\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return new EndUserMessagingSmsSender(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-west-1",
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")),
                "arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-1", Optional.of("Tally-ACME-prod-sms"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_text_is_a_signed_send_text_message_call_from_the_origination_identity() throws Exception {
        sender().send(new SmsMessage("sms-send-1-42", new BrandId("ACME"), "+15550100123", "news", "Hi Ada"), false);
        assertEquals("PinpointSMSVoiceV2.SendTextMessage", headers.get(0).get("target"));
        assertEquals("application/x-amz-json-1.0", headers.get(0).get("type"));
        assertTrue(headers.get(0).get("auth").startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                && headers.get(0).get("auth").contains("/eu-west-1/sms-voice/aws4_request"), headers.get(0).get("auth"));
        JsonNode body = bodies.get(0);
        assertEquals("+15550100123", body.path("DestinationPhoneNumber").asText());
        assertEquals("arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-1", body.path("OriginationIdentity").asText());
        assertEquals("Hi Ada", body.path("MessageBody").asText());
        assertEquals("PROMOTIONAL", body.path("MessageType").asText());
        assertEquals("Tally-ACME-prod-sms", body.path("ConfigurationSetName").asText());
        assertEquals("sms-send-1-42", body.path("Context").path("tallyMessageId").asText());
        assertEquals("ACME", body.path("Context").path("tallyBrand").asText());
        assertEquals("news", body.path("Context").path("tallyList").asText());
        assertTrue(body.path("Context").path("tallyMailing").isMissingNode(), "a text of no mailing");
    }

    @Test
    void a_sends_text_names_its_mailing_and_location_in_the_context_its_delivery_events_echo() throws Exception {
        sender().send(new SmsMessage("sms-send-s2-4000000000000002", new BrandId("ACME"), "+15550100123", "news",
                "Hi Ada", Optional.of(new SmsMessage.Origin("send-s2", new CardNumber("4000000000000002"), "tpl-1",
                        Optional.of("L1")))), false);
        JsonNode context = bodies.get(0).path("Context");
        assertEquals(5, context.size(), "End User Messaging takes at most five context entries");
        assertEquals("send-s2", context.path("tallyMailing").asText());
        assertEquals("L1", context.path("tallyLocation").asText());
        assertEquals("ACME", context.path("tallyBrand").asText());
    }

    @Test
    void a_refusal_names_the_error_type_and_never_the_number() throws Exception {
        EndUserMessagingSmsSender sender = sender();
        status.set(400);
        var refused = assertThrows(EndUserMessagingSmsSender.SmsNotAccepted.class, () -> sender.send(
                new SmsMessage("sms-a", new BrandId("ACME"), "+15550100123", "account", "Hi"), true));
        assertEquals("SendTextMessage answered 400 ValidationException", refused.getMessage());
        assertEquals("TRANSACTIONAL", bodies.get(0).path("MessageType").asText());
    }
}
