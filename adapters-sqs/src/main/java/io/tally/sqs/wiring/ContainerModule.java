package io.tally.sqs.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.shared.RandomSource;
import io.tally.sqs.json.Json;
import io.tally.sqs.json.WireJson;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every Lambda front's graph holds once per container: the clock, the random source, the Jackson configuration,
 * the request paths' {@link WireJson} and the AWS credentials and DynamoDB client, built with the url-connection HTTP
 * client set explicitly (the SDK would otherwise pick whatever client is on the classpath) and local endpoints when
 * configured. The front's own module provides {@link ContainerSettings}.
 */
@Module
public final class ContainerModule {
    private ContainerModule() {
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static SecureRandomSource secureRandom() {
        return new SecureRandomSource();
    }

    @Provides
    static RandomSource random(SecureRandomSource random) {
        return random;
    }

    @Provides
    @Singleton
    static ObjectMapper json() {
        return Json.mapper();
    }

    /** The request paths' JSON: {@link Json#mapper()}'s rules without its start-up cost. */
    @Provides
    @Singleton
    static WireJson wireJson() {
        return new WireJson();
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(ContainerSettings settings) {
        if (settings.local()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * The url-connection HTTP client the DynamoDB and SQS clients share: it keeps no pool of its own (the JDK's
     * keep-alive cache is per JVM), and each one made builds a TLS context of its own, which a cold start then pays
     * once, not per client. A client given to an SDK builder is never closed by it.
     */
    @Provides
    @Singleton
    static SdkHttpClient http() {
        return UrlConnectionHttpClient.create();
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamo(ContainerSettings settings, AwsCredentialsProvider credentials, SdkHttpClient http) {
        var builder = DynamoDbClient.builder().httpClient(http)
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.dynamoEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
