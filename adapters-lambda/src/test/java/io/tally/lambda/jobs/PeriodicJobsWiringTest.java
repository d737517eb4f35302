package io.tally.lambda.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.lambda.topology.PeriodicJob;
import io.tally.lambda.topology.PeriodicJobs;
import io.tally.lambda.wiring.Settings;
import io.tally.lambda.wiring.TallyComponent;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every scheduled job of the topology has a task behind it in the graph (building the graph makes no call). */
class PeriodicJobsWiringTest {
    private final TallyComponent component = TallyComponent.create(Settings.local("t", "http://127.0.0.1:1/q",
            URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1")));

    @Test
    void everyScheduledJobHasATask() {
        assertEquals(PeriodicJobs.ALL.stream().map(PeriodicJob::name).collect(Collectors.toSet()),
                component.periodicJobs().names());
    }

    @Test
    void theEnrollmentCompleterWithoutThePortalsConfigurationFailsTheInvocationVisibly() {
        var handler = new PeriodicJobHandler(component);
        var refused = assertThrows(IllegalStateException.class,
                () -> handler.handleRequest(Map.of("job", PeriodicJobs.ENROLLMENT_COMPLETER.name()), null));
        assertTrue(refused.getMessage().contains("TALLY_PORTAL_SECRET"), refused.getMessage());
    }

    @Test
    void theSegmentEvaluationsWithoutTheirQueueFailTheInvocationVisibly() {
        var handler = new PeriodicJobHandler(component);
        var refused = assertThrows(IllegalStateException.class,
                () -> handler.handleRequest(Map.of("job", PeriodicJobs.SEGMENT_EVALUATIONS.name()), null));
        assertTrue(refused.getMessage().contains("TALLY_SEGMENT_EVALUATIONS_QUEUE_URL"), refused.getMessage());
    }

    @Test
    void anUnknownJobFailsTheInvocationVisibly() {
        var handler = new PeriodicJobHandler(component);
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("job", "nope"), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of(), null));
    }
}
