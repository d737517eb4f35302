package io.tally.domain.report.export;

import java.util.Locale;

/**
 * Where a report stands. QUEUED, RUNNING, READY and FAILED are stored; EXPIRED is never stored: it is a READY report
 * whose link's lifetime has passed ({@link Report#status(java.time.Instant)}), so it is right whenever it is read.
 */
public enum ReportStatus {
    QUEUED, RUNNING, READY, FAILED, EXPIRED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
