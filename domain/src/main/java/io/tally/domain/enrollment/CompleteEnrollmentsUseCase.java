package io.tally.domain.enrollment;

import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periodic job's side of enrollment: finds the enrollment records that are due ({@link MemberDirectoryPort#due},
 * an index, never a scan) and sees to each. A pending enrollment that nobody resubmitted within
 * {@link EnrollmentSteps#LEFT_TO_THE_JOB_AFTER} is finished for its owner (card, welcome e-mail, referral reward: the
 * same steps, so a page request finishing it at the same moment does no harm); a complete one whose PIN has been
 * revealable for {@link EnrollmentSteps#REVEAL_WINDOW} is scrubbed of it. A record that cannot be finished (its
 * brand's portal configuration is gone, its card set unusable) waits {@link #RETRY_AFTER} before the next try, so it
 * cannot hold up the others. Bounded per run; the rest waits for the next run.
 */
public final class CompleteEnrollmentsUseCase {
    /** A record the job could not finish is tried again after this long. */
    public static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    /** How the job appears in the ledger entries it writes (the ENROLL entry, the referral rewards). */
    static final String REQUEST_REF = "enrollment-completer";
    /** Problems kept for the report, so a run that meets many says what the first were without growing without bound. */
    static final int MAX_PROBLEMS = 10;

    private final EnrollmentSteps steps;
    private final MemberDirectoryPort directory;
    private final PortalConfigPort configs;

    public CompleteEnrollmentsUseCase(EnrollmentSteps steps, MemberDirectoryPort directory, PortalConfigPort configs) {
        this.steps = steps;
        this.directory = directory;
        this.configs = configs;
    }

    /** What a run did; {@code problems}: the first few reasons for postponing. */
    public record Report(int completed, int abandoned, int scrubbed, int postponed, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    private enum Visit { COMPLETED, ABANDONED, SCRUBBED, POSTPONED, SKIPPED }

    /** Sees to at most {@code max} due records (index hits, including stale ones). */
    public Report run(Instant now, int max) {
        int[] counts = new int[Visit.values().length];
        List<String> problems = new ArrayList<>();
        int hits = 0;
        while (hits < max) {
            List<EnrollmentRecord> page = directory.due(now, Math.min(MemberDirectoryPort.MAX_DUE, max - hits));
            if (page.isEmpty()) {
                break;
            }
            for (EnrollmentRecord hit : page) {
                hits++;
                counts[visit(hit, now, problems).ordinal()]++;
            }
        }
        return new Report(counts[Visit.COMPLETED.ordinal()], counts[Visit.ABANDONED.ordinal()],
                counts[Visit.SCRUBBED.ordinal()], counts[Visit.POSTPONED.ordinal()], problems);
    }

    private Visit visit(EnrollmentRecord hit, Instant now, List<String> problems) {
        Optional<EnrollmentRecord> current = directory.enrollment(hit.brand(), hit.email())
                .filter(r -> r.id().equals(hit.id()) && r.due().filter(d -> d.isBefore(now)).isPresent());
        if (current.isEmpty()) {
            return Visit.SKIPPED; // the index lagged the record: done or moved meanwhile
        }
        EnrollmentRecord record = current.get();
        try {
            if (!record.pending()) {
                directory.scrub(record);
                return Visit.SCRUBBED;
            }
            PortalConfig config = configs.load(record.brand())
                    .orElseThrow(() -> new IllegalStateException("brand " + record.brand().value() + " has no portal configuration"));
            return steps.finish(config, record, REQUEST_REF) instanceof EnrollmentSteps.Finished.Completed
                    ? Visit.COMPLETED : Visit.ABANDONED;
        } catch (RuntimeException fault) {
            directory.postpone(record, now.plus(RETRY_AFTER));
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(record.brand().value() + " enrollment " + record.id() + ": " + fault.getMessage());
            }
            return Visit.POSTPONED;
        }
    }
}
