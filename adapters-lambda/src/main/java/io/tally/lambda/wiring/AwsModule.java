package io.tally.lambda.wiring;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS clients, built once per container with the url-connection HTTP client set explicitly (the SDK
 * would otherwise pick whatever client is on the classpath) and local endpoints when configured.
 */
@Module
final class AwsModule {
    private AwsModule() {
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(Settings settings) {
        if (settings.local()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamo(Settings settings, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Provides
    @Singleton
    static SqsClient sqs(Settings settings, AwsCredentialsProvider credentials) {
        var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
