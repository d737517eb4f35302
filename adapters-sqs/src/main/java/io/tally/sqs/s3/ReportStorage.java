package io.tally.sqs.s3;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the exports' S3 client and presigner, once per container, with the url-connection HTTP client. Off AWS
 * (an {@code endpoint}, s3rver) requests are path-style and unchunked: s3rver would store the aws-chunked framing
 * inside the objects (STACK.md).
 */
public final class ReportStorage {
    /** The bucket of the exports. */
    public static final String BUCKET = "TALLY_REPORTS_BUCKET";
    /** An S3 endpoint (s3rver) off AWS. */
    public static final String S3_ENDPOINT = "TALLY_S3_ENDPOINT";

    private static final AwsCredentialsProvider S3RVER = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("S3RVER", "S3RVER"));

    private ReportStorage() {
    }

    /** The exports' files; off AWS with s3rver's fixed key pair (it accepts no other), else {@code credentials}. */
    public static S3ReportFiles files(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials,
                                      String bucket) {
        AwsCredentialsProvider creds = credentials(endpoint, credentials);
        return new S3ReportFiles(client(region, endpoint, creds), presigner(region, endpoint, creds), bucket);
    }

    /** s3rver's fixed key pair off AWS (it accepts no other), else {@code credentials}. */
    static AwsCredentialsProvider credentials(Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return endpoint.isPresent() ? S3RVER : credentials;
    }

    public static S3Client client(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region))
                .credentialsProvider(credentials).serviceConfiguration(configuration(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static S3Presigner presigner(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(configuration(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static S3Configuration configuration(Optional<URI> endpoint) {
        return S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent())
                .chunkedEncodingEnabled(endpoint.isEmpty()).build();
    }
}
