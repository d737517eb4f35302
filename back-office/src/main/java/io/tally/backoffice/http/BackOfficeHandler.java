package io.tally.backoffice.http;

import io.tally.sqs.obs.Telemetry;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.backoffice.wiring.OfficeComponent;
import io.tally.backoffice.wiring.OfficeSettings;

/** Lambda entry point of the back office ({@code /admin}). The Dagger graph is built once per container. */
public final class BackOfficeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeApp app;
    /** Named as FunctionId.BACK_OFFICE (TopologyTest checks the names). */
    private final Telemetry telemetry = Telemetry.forFunction("back-office");

    /** Used by Lambda: configuration from the environment. */
    public BackOfficeHandler() {
        this(OfficeComponent.create(OfficeSettings.fromEnvironment(System.getenv())));
    }

    public BackOfficeHandler(OfficeComponent component) {
        this.app = component.office();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.http(event, context, app::handle);
    }
}
