package io.tally.sqs.wiring;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the shared plumbing needs of a Lambda front's configuration: where AWS is (endpoints are set only off AWS:
 * dynalite, ElasticMQ) and the queues every front may write to. Each front's settings record derives it
 * ({@code Settings.container()}, {@code PortalSettings.container()}).
 *
 * @param emailsQueueUrl the e-mail queue (QueueId.EMAILS); only fronts that send e-mail have it
 */
public record ContainerSettings(String region, Optional<URI> dynamoEndpoint, Optional<URI> sqsEndpoint,
                                String eventsQueueUrl, Optional<String> emailsQueueUrl) {
    public ContainerSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dynamoEndpoint, "dynamoEndpoint");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        Objects.requireNonNull(eventsQueueUrl, "eventsQueueUrl");
        Objects.requireNonNull(emailsQueueUrl, "emailsQueueUrl");
    }

    /** True when talking to local protocol servers rather than AWS. */
    public boolean local() {
        return dynamoEndpoint.isPresent() || sqsEndpoint.isPresent();
    }

    public String requireEmailsQueueUrl() {
        return emailsQueueUrl.orElseThrow(() -> new IllegalStateException("this container has no e-mail queue"));
    }
}
