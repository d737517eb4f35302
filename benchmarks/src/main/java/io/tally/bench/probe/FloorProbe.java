package io.tally.bench.probe;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The floor of the cold start: the least a Java function that touches DynamoDB must do. A bare
 * {@link DynamoDbClient} (url-connection client, as the handler uses) and the two round trips a plain
 * balance change cannot avoid: one consistent read and one conditional write. No DI, no JSON, no handler.
 *
 * <p>Arguments: endpoint table readPk readSk writePk writeSk
 */
public final class FloorProbe {
    private FloorProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        DynamoDbClient client = client(URI.create(args[0]));
        long initialised = System.nanoTime();
        String result = roundTrips(client, args[1], args[2], args[3], args[4], args[5]);
        long answered = System.nanoTime();
        Probes.report("200 " + (initialised - started) + " " + (answered - initialised) + " " + result);
        System.exit(0);
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(endpoint).build();
    }

    static String roundTrips(DynamoDbClient client, String table, String readPk, String readSk, String writePk, String writeSk) {
        var read = client.getItem(GetItemRequest.builder().tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(readPk), "SK", AttributeValue.fromS(readSk))).build());
        client.putItem(PutItemRequest.builder().tableName(table)
                .item(Map.of("PK", AttributeValue.fromS(writePk), "SK", AttributeValue.fromS(writeSk),
                        "amount", AttributeValue.fromN("1")))
                .conditionExpression("attribute_not_exists(PK)").build());
        return "read=" + read.hasItem();
    }
}
