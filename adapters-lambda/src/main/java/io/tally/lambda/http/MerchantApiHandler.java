package io.tally.lambda.http;

import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.topology.FunctionId;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import io.tally.lambda.wiring.ParallelInit;
import java.util.Map;
import java.util.Optional;
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
    private final Telemetry telemetry;
    /** Held here: org.crac keeps registered resources only weakly. */
    private final Resource priming;

    /**
     * Used by Lambda: configuration from the environment. Init runs on two threads ({@link ParallelInit}), and the
     * function's brand ({@code TALLY_BRAND}, set by the stack) has its catalogue read meanwhile, so that the first
     * request finds it cached and the DynamoDB client's request path already run.
     */
    public MerchantApiHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv())), functionBrand(System.getenv()));
    }

    /** Used by the local runtime and tests, which share one graph between handlers. */
    public MerchantApiHandler(TallyComponent component) {
        this.telemetry = Telemetry.forFunction(FunctionId.MERCHANT_API.logicalName());
        this.api = component.merchantApi();
        this.priming = component.priming().merchantApiHook();
        Core.getGlobalContext().register(priming);
    }

    private MerchantApiHandler(TallyComponent component, Optional<BrandId> functionBrand) {
        // the second thread first: everything before it runs on one core
        ParallelInit.Running meanwhile = component.parallelInit().start(functionBrand);
        this.telemetry = Telemetry.forFunction(FunctionId.MERCHANT_API.logicalName());
        this.api = component.merchantApi();
        this.priming = component.priming().merchantApiHook();
        Core.getGlobalContext().register(priming);
        meanwhile.join();
    }

    /** The brand a deployed stack serves ({@code TALLY_BRAND}); none when unset or malformed. */
    static Optional<BrandId> functionBrand(Map<String, String> environment) {
        // no lambda: this runs before init's second thread starts, and a JVM's first lambda links the machinery of all
        String brand = environment.get(Telemetry.BRAND);
        return brand != null && Identifiers.isValid(brand) ? Optional.of(new BrandId(brand)) : Optional.empty();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return telemetry.run(context, null, Telemetry.traceHeader(event), () -> api.handle(event));
    }
}
