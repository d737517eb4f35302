package io.tally.portal.http;

import io.tally.sqs.obs.Telemetry;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;

/** Lambda entry point of the member pages. The Dagger graph is built once per container. */
public final class PortalHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PortalApp app;
    /** Named as FunctionId.PORTAL (TopologyTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("portal");

    /** Used by Lambda: configuration from the environment. */
    public PortalHandler() {
        this(PortalComponent.create(PortalSettings.fromEnvironment(System.getenv())));
    }

    public PortalHandler(PortalComponent component) {
        this.app = component.portal();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.http(event, context, app::handle);
    }
}
