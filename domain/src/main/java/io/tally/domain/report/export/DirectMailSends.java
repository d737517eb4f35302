package io.tally.domain.report.export;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A direct mail export is a mailing on the direct mail channel: once it is READY its addresses count as its send
 * requests, on the day it was ready (the brand's zone), under the mailing {@code dm-<report id>} (what the
 * communication report's channel filter shows as Direct Mail's total sent). Counted exactly once by the event id
 * {@code dm-<report id>} however often the completion runs; other kinds of report count nothing.
 */
public final class DirectMailSends implements ExportShardUseCase.ReadyListener {
    /**
     * How long a count holds its event: the report writer runs up to 300 s (four times that would be 20 minutes) and
     * its queue redelivers after 1,800 s, so a count cut short is taken over by the redelivery and never by a
     * completion running beside a stalled one.
     */
    public static final Duration LEASE = Duration.ofMinutes(20);
    private final RecordDeliveryUseCase delivery;

    /** Counts through {@code delivery}, holding each count's event for {@link #LEASE}. */
    public DirectMailSends(RecordDeliveryUseCase delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery").withLease(LEASE);
    }

    /** The mailing a direct mail export's figures are kept under. */
    public static String mailing(ReportId report) {
        return "dm-" + report.value();
    }

    @Override
    public void ready(Report report, Instant readyAt) {
        if (report.kind() != ReportKind.DIRECT_MAIL) {
            return;
        }
        String mailing = mailing(report.id());
        delivery.recordSent(report.brand(), mailing, mailing, CardMailing.Channel.DIRECT_MAIL, readyAt, report.rows());
    }
}
