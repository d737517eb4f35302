package io.tally.lambda.jobs;

import io.tally.sqs.obs.Telemetry;
import io.tally.lambda.topology.FunctionId;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import io.tally.portal.wiring.PortalSettings;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point of the scheduled jobs: EventBridge Scheduler invokes it with {@code {"job": "<name>"}}
 * for each {@code PeriodicJob}; the local runtime does the same on a timer.
 */
public final class PeriodicJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final PeriodicJobRunner runner;
    private final Telemetry telemetry = Telemetry.forFunction(FunctionId.JOBS.logicalName());
    /** SnapStart priming; held here because org.crac keeps registered resources only weakly. */
    private final Resource priming;

    public PeriodicJobHandler() {
        this(TallyComponent.create(Settings.fromEnvironment(System.getenv()), PortalSettings.fromEnvironment(System.getenv())));
    }

    public PeriodicJobHandler(TallyComponent component) {
        this.runner = component.periodicJobs();
        this.priming = component.priming().backgroundFunctionHook();
        Core.getGlobalContext().register(priming);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object job = event == null ? null : event.get("job");
        if (!(job instanceof String name)) {
            throw new IllegalArgumentException("expected {\"job\": \"<name>\"}, got " + event);
        }
        String result = telemetry.job(context, name, () -> runner.run(name));
        return Map.of("job", name, "result", result);
    }
}
