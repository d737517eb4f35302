package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;

/**
 * Lambda entry point of the merchant API. Lambda creates one instance per container: the Dagger
 * graph (clients, use cases, Jackson) is built once, here; each invocation is just {@link MerchantApi#handle}.
 */
public final class MerchantApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final MerchantApi api;

    /** Used by Lambda: configuration from the environment. */
    public MerchantApiHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv())));
    }

    /** Used by the local runtime and tests, which share one graph between handlers. */
    public MerchantApiHandler(TallyComponent component) {
        this.api = component.merchantApi();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event);
    }
}
