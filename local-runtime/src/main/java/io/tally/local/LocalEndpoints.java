package io.tally.local;

import io.tally.local.cognito.StaffPool;
import io.tally.local.sqs.LocalQueues;
import java.net.URI;
import java.util.Map;

/**
 * Where the running local platform's pieces are: what the handlers need to be wired (the
 * equivalents of the environment the CDK stack gives the functions) and what a developer points
 * tools at.
 *
 * @param baseUrl the HTTP front, e.g. {@code http://127.0.0.1:8080} (no trailing slash)
 * @param cognitoEndpoint cognito-local, serving the staff user pool
 * @param staffPool the back office's user pool and app client there
 * @param s3Endpoint s3rver, serving the Report Center's bucket ({@code S3rverServer.BUCKET})
 */
public record LocalEndpoints(URI dynamoEndpoint, String tableName, URI sqsEndpoint, LocalQueues queues, URI baseUrl,
                             URI cognitoEndpoint, StaffPool staffPool, URI s3Endpoint) {

    /** Each {@code QueueId.urlEnvironmentVariable()} with its local queue URL. */
    public Map<String, String> queueUrlEnvironment() {
        return queues.urlsByEnvironmentVariable();
    }
}
