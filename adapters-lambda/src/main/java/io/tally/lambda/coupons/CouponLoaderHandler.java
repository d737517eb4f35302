package io.tally.lambda.coupons;

import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.topology.FunctionId;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import org.crac.Core;
import org.crac.Resource;

/** Lambda entry point of the coupon loader (consumes QueueId.COUPON_LOADS, ReportBatchItemFailures on). */
public final class CouponLoaderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final CouponLoadConsumer consumer;
    private final Telemetry telemetry = Telemetry.forFunction(FunctionId.COUPON_LOADER.logicalName());
    /** Held here: org.crac keeps registered resources only weakly. */
    private final Resource priming;

    public CouponLoaderHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv())));
    }

    public CouponLoaderHandler(TallyComponent component) {
        this.consumer = component.couponLoadConsumer();
        this.priming = component.priming().backgroundFunctionHook();
        Core.getGlobalContext().register(priming);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return telemetry.sqs(event, context, consumer::consume);
    }
}
