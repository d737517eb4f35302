package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.local.sqs.LocalSqs;
import io.tally.local.testing.Await;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The whole platform: an HTTP request writes to the table and publishes an event that the consumer gets. */
class LocalPlatformIT {
    private final List<String> consumed = new CopyOnWriteArrayList<>();

    @Test
    void requestWritesTheTableAndItsEventReachesTheConsumer() throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.defaults(Path.of("target", "local-platform-it"))
                .withHttpPort(0).withTableName("tally-it");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        java.net.URI baseUrl;
        try (LocalPlatform platform = LocalPlatform.start(config, TestHandlers::new)) {
            LocalEndpoints endpoints = platform.endpoints();
            baseUrl = endpoints.baseUrl();
            assertEquals("127.0.0.1", baseUrl.getHost());

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/merchant/issue"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"card\":\"C1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(201, response.statusCode(), response.body());
            Await.until("the event consumed", Duration.ofSeconds(30), () -> consumed.contains("issued C1"));
            try (DynamoDbClient dynamo = LocalDynamo.client(endpoints.dynamoEndpoint())) {
                Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName("tally-it")
                        .key(Map.of(TallyTable.PK, AttributeValue.fromS("CARD#C1"), TallyTable.SK, AttributeValue.fromS("META")))
                        .build()).item();
                assertFalse(item.isEmpty());
            }
        }
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(baseUrl.resolve("/merchant/issue")).GET().build(),
                HttpResponse.BodyHandlers.ofString()), "the front is stopped");
    }

    /** Stand-ins for the real handlers, wired from the endpoints as the main class wires the real ones. */
    private final class TestHandlers implements HandlerProvider {
        private final DynamoDbClient dynamo;
        private final SqsClient sqs;
        private final LocalEndpoints endpoints;

        TestHandlers(LocalEndpoints endpoints) {
            this.endpoints = endpoints;
            this.dynamo = LocalDynamo.client(endpoints.dynamoEndpoint());
            this.sqs = LocalSqs.client(endpoints.sqsEndpoint());
        }

        @Override
        public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpHandler(FunctionId function) {
            return (event, context) -> {
                String card = event.getBody().replaceAll(".*\"card\":\"([^\"]+)\".*", "$1");
                dynamo.putItem(PutItemRequest.builder().tableName(endpoints.tableName()).item(Map.of(
                        TallyTable.PK, AttributeValue.fromS("CARD#" + card), TallyTable.SK, AttributeValue.fromS("META"))).build());
                sqs.sendMessage(SendMessageRequest.builder()
                        .queueUrl(endpoints.queueUrlEnvironment().get(QueueId.EVENTS.urlEnvironmentVariable()))
                        .messageBody("issued " + card).build());
                APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
                response.setStatusCode(201);
                return response;
            };
        }

        @Override
        public RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(FunctionId function) {
            return (event, context) -> {
                event.getRecords().forEach(r -> consumed.add(r.getBody()));
                return new SQSBatchResponse(List.of());
            };
        }
    }
}
