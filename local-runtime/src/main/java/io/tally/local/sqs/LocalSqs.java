package io.tally.local.sqs;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SQS clients for a local endpoint (ElasticMQ): us-east-1, dummy static credentials, url-connection HTTP. */
public final class LocalSqs {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private LocalSqs() {
    }

    public static SqsClient client(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The ARN of a queue as ElasticMQ and Lambda's event source mapping name it. */
    public static String arn(String queueName) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueName;
    }
}
