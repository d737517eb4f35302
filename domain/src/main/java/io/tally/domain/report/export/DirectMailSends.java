package io.tally.domain.report.export;

import io.tally.domain.communication.CardMailing;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import java.time.Instant;
import java.util.Objects;

/**
 * A direct mail export is a mailing on the direct mail channel: once it is READY its addresses count as its send
 * requests, on the day it was ready (the brand's zone), under the mailing {@code dm-<report id>} (what the
 * communication report's channel filter shows as Direct Mail's total sent). Counted exactly once by the event id
 * {@code dm-<report id>} however often the completion runs; other kinds of report count nothing.
 */
public final class DirectMailSends implements ExportShardUseCase.ReadyListener {
    private final RecordDeliveryUseCase delivery;

    public DirectMailSends(RecordDeliveryUseCase delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
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
