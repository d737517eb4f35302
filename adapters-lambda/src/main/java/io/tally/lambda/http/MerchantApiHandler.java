package io.tally.lambda.http;

import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.topology.FunctionId;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Core;
import org.crac.Resource;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;

/**
 * Lambda entry point of the merchant API. Lambda creates one instance per container: the Dagger
 * graph (clients, use cases, Jackson) is built once, here; each invocation is just {@link MerchantApi#handle}.
 * With SnapStart, the wiring's {@code Priming} runs the request path once before the snapshot (org.crac hook).
 */
public final class MerchantApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final MerchantApi api;
    private final Telemetry telemetry = Telemetry.forFunction(FunctionId.MERCHANT_API.logicalName());
    /** Held here: org.crac keeps registered resources only weakly. */
    private final Resource priming;

    /** Used by Lambda: configuration from the environment. */
    public MerchantApiHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv())));
    }

    /** Used by the local runtime and tests, which share one graph between handlers. */
    public MerchantApiHandler(TallyComponent component) {
        this.api = component.merchantApi();
        this.priming = component.priming().merchantApiHook();
        Core.getGlobalContext().register(priming);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.run(context, null, Telemetry.traceHeader(event), () -> api.handle(event));
    }
}
