package io.tally.lambda.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.delivery.DeliveryStatsPort;
import io.tally.domain.report.export.DirectMailSends;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery statistics' leases against the consumers that count: each lease outlasts its consumer's timeout (so a
 * stalled invocation is never overtaken by a second one) and ends before its queue redelivers (so the redelivery of a
 * count cut short always finds the lease over).
 */
class DeliveryLeasesTest {
    private static void fits(Duration lease, QueueId queue) {
        assertTrue(lease.toSeconds() > queue.consumer().timeoutSeconds(), lease + " outlasts " + queue.consumer());
        assertTrue(lease.toSeconds() < queue.visibilityTimeoutSeconds(), lease + " ends before " + queue + " redelivers");
    }

    @Test
    void each_counting_consumer_fits_its_lease() {
        for (QueueId queue : List.of(QueueId.DELIVERY_EVENTS, QueueId.EMAILS, QueueId.SMS)) {
            fits(DeliveryStatsPort.LEASE, queue);
        }
        fits(DirectMailSends.LEASE, QueueId.REPORTS);
    }
}
