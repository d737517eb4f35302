package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.portal.wiring.PortalComponent;
import io.tally.portal.wiring.PortalSettings;

/** Lambda entry point of the member pages. The Dagger graph is built once per container. */
public final class PortalHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final PortalApp app;

    /** Used by Lambda: configuration from the environment. */
    public PortalHandler() {
        this(PortalComponent.create(PortalSettings.fromEnvironment(System.getenv())));
    }

    public PortalHandler(PortalComponent component) {
        this.app = component.portal();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return app.handle(event);
    }
}
