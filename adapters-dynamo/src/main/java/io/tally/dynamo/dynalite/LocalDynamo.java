package io.tally.dynamo.dynalite;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB clients for a local endpoint (dynalite): us-east-1, dummy static credentials, url-connection HTTP. */
public final class LocalDynamo {
    public static final Region REGION = Region.US_EAST_1;

    private LocalDynamo() {
    }

    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // explicit: otherwise the SDK picks whichever HTTP client is on the classpath
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
