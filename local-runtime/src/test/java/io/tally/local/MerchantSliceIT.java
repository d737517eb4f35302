package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.provisioning.Seed;
import io.tally.domain.provisioning.SeedReport;
import io.tally.domain.tenant.BrandId;
import io.tally.lambda.provisioning.SeedJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vertical slice end to end: HTTP → API Gateway v2 event → handler → use case → dynalite →
 * response, and a domain event through ElasticMQ to the SQS consumer, with the real demo seed.
 */
class MerchantSliceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalTally tally;
    private static Seed seed;
    private static SeedReport firstReport;

    static Path repoRoot() {
        return Path.of(System.getProperty("tally.repo.root", ".."));
    }

    /** A local stack on free ports (logs under {@code target/<dir>}) with the demo seed applied. */
    static LocalTally startWithDemoSeed(String dir) throws Exception {
        LocalTally started = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", dir)).withHttpPort(0).withRepoRoot(repoRoot()));
        started.component().applySeed().apply(new SeedJson().read(Files.readString(repoRoot().resolve("demo/seed.json"))), true);
        return started;
    }

    @BeforeAll
    static void start() throws Exception {
        Path logs = Path.of("target", "slice-it");
        tally = LocalTally.start(LocalPlatformConfig.defaults(logs).withHttpPort(0).withRepoRoot(repoRoot()));
        seed = new SeedJson().read(Files.readString(repoRoot().resolve("demo/seed.json")));
        firstReport = tally.component().applySeed().apply(seed, true);
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    private static HttpResponse<String> post(String method, String key, String secret, String body) throws Exception {
        return postAt("/merchant/" + method, key, secret, body);
    }

    private static HttpResponse<String> postAt(String path, String key, String secret, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tally.endpoints().baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Brand", "DEMO").header("location", "DEMO001").header("TERMINAL", "pos-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMethodsAnswerAtTheHostRootToo() throws Exception {
        var root = postAt("/listValueType", "demo-pos", "demo-secret-do-not-use-in-production", "{}");
        var merchant = post("listValueType", "demo-pos", "demo-secret-do-not-use-in-production", "{}");
        assertEquals(200, root.statusCode(), root.body());
        JsonNode atRoot = JSON.readTree(root.body());
        JsonNode underMerchant = JSON.readTree(merchant.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) atRoot).remove("requestRef");
        ((com.fasterxml.jackson.databind.node.ObjectNode) underMerchant).remove("requestRef");
        assertEquals(underMerchant, atRoot, "the same handler and route table serve both paths");
        var unknown = postAt("/noSuchMethod", "demo-pos", "demo-secret-do-not-use-in-production", "{}");
        assertEquals(404, unknown.statusCode());
        assertEquals(28, JSON.readTree(unknown.body()).get("errorCode").asInt(), unknown.body());
    }

    @Test
    void listValueTypeReturnsTheDemoValueTypes() throws Exception {
        var response = post("listValueType", "demo-pos", "demo-secret-do-not-use-in-production", "{}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.get("success").asBoolean());
        List<String> kinds = new java.util.ArrayList<>();
        body.get("valueTypes").forEach(v -> kinds.add(v.get("programId").asText() + ":" + v.get("balanceType").asText()));
        assertEquals(List.of("GIFT:Currency", "LOYALTY:Points", "LOYALTY:Punches"), kinds);
        assertEquals("*", response.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    @Test
    void aWrongSecretIs401WithTheEnvelope() throws Exception {
        var response = post("listValueType", "demo-pos", "wrong-secret", "{}");
        assertEquals(401, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.get("success").asBoolean());
        assertEquals(2, body.get("errorCode").asInt());
        assertEquals(36, body.get("requestRef").asText().length());
    }

    @Test
    void malformedJsonIs400WithTheEnvelope() throws Exception {
        var response = post("listValueType", "demo-pos", "demo-secret-do-not-use-in-production", "{not json");
        assertEquals(400, response.statusCode());
        assertEquals(1, JSON.readTree(response.body()).get("errorCode").asInt());
    }

    @Test
    void theProvisioningEventTravelsThroughSqsToTheConsumer() throws Exception {
        assertFalse(firstReport.changedNothing());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<DomainEvent> recorded = List.of();
        while (System.nanoTime() < deadline) {
            recorded = tally.component().activityLog().recent(new BrandId("DEMO"), 10);
            if (!recorded.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, recorded.size(), "the consumer recorded the event exactly once");
        assertEquals("brand.provisioned", recorded.get(0).type());
        assertEquals("100", recorded.get(0).data().get("cardsGenerated"));
    }

    @Test
    void applyingTheSeedAgainChangesNothing() {
        assertTrue(tally.component().applySeed().apply(seed, true).changedNothing());
    }
}
