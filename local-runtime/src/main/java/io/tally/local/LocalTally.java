package io.tally.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.lambda.http.MerchantApiHandler;
import io.tally.lambda.jobs.PeriodicJobHandler;
import io.tally.lambda.sqs.EventsConsumerHandler;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import java.util.Objects;

/**
 * The local platform with Tally's own handlers wired in: the same Dagger graph a Lambda container
 * builds, pointed at dynalite and ElasticMQ instead of AWS. Used by {@link TallyLocal} and by the
 * end-to-end tests.
 */
public final class LocalTally implements AutoCloseable {
    private final LocalPlatform platform;
    private final TallyComponent component;
    private final LocalJobScheduler jobs;

    private LocalTally(LocalPlatform platform, TallyComponent component) {
        this.platform = platform;
        this.component = component;
        this.jobs = new LocalJobScheduler(new PeriodicJobHandler(component)).start();
    }

    public static LocalTally start(LocalPlatformConfig config) {
        TallyComponent[] component = new TallyComponent[1];
        LocalPlatform platform = LocalPlatform.start(config, endpoints -> {
            String eventsQueue = endpoints.queueUrlEnvironment().get(QueueId.EVENTS.urlEnvironmentVariable());
            Settings settings = Settings.local(endpoints.tableName(), eventsQueue, endpoints.dynamoEndpoint(),
                    endpoints.sqsEndpoint());
            component[0] = TallyComponent.create(settings);
            return new Handlers(component[0]);
        });
        return new LocalTally(platform, Objects.requireNonNull(component[0]));
    }

    public LocalEndpoints endpoints() {
        return platform.endpoints();
    }

    /** The graph the handlers use (for seeding and for tests that look behind the API). */
    public TallyComponent component() {
        return component;
    }

    /** Runs a periodic job now (as its schedule would), returning what it reported. */
    public String runJob(String name) {
        return jobs.runNow(name);
    }

    @Override
    public void close() {
        jobs.close();
        platform.close();
    }

    /** One handler instance per function, as one Lambda container would hold. */
    private static final class Handlers implements HandlerProvider {
        private final MerchantApiHandler merchantApi;
        private final EventsConsumerHandler eventsConsumer;

        Handlers(TallyComponent component) {
            this.merchantApi = new MerchantApiHandler(component);
            this.eventsConsumer = new EventsConsumerHandler(component);
        }

        @Override
        public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpHandler(FunctionId function) {
            return switch (function) {
                case MERCHANT_API -> merchantApi;
                default -> throw new IllegalArgumentException(function + " is not an HTTP function");
            };
        }

        @Override
        public RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(FunctionId function) {
            return switch (function) {
                case EVENTS_CONSUMER -> eventsConsumer;
                default -> throw new IllegalArgumentException(function + " consumes no queue");
            };
        }
    }
}
