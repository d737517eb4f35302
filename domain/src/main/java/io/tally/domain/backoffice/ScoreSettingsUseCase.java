package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.engagement.score.ScoreRunsPort;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The brand's customer score settings in the back office: the named score ranges and the spend reference (a decimal in
 * the checkout currency, stored in ten-thousandths), read with {@link Permission#READ_SETUP}, changed with
 * {@link Permission#MANAGE_SETUP} over the version the form was opened with (a concurrent change is refused with a
 * sentence), audited just before the write; and the scoring job's last run (day, cards scored, done or in progress).
 * Range names apply at once (they are applied when shown); a new spend reference from the next scoring day's run.
 */
public final class ScoreSettingsUseCase {
    public static final String STALE = "Someone changed the score settings since this page was opened: look at them now and "
            + "save again.";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})\\s+(.+)");

    private final ScoreSettingsPort settings;
    private final ScoreRunsPort runs;
    private final CheckoutConfigPort checkout;
    private final SetupAudit audit;

    public ScoreSettingsUseCase(ScoreSettingsPort settings, ScoreRunsPort runs, CheckoutConfigPort checkout,
                                AuditLogPort log, RandomSource random, Clock clock) {
        this.settings = settings;
        this.runs = runs;
        this.checkout = checkout;
        this.audit = new SetupAudit(log, random, clock);
    }

    /** The page: the settings (the defaults when never saved), the checkout currency's code and the last run. */
    public record View(ScoreSettings settings, String currency, Optional<ScoreRun> lastRun) {
    }

    /** The form as posted: the version it was opened with, ranges one a line ({@code 1-25 Newbies}), the reference. */
    public record SettingsForm(String version, String ranges, String spendReference) {
    }

    public Optional<View> view(StaffScope scope) {
        if (!scope.can(Permission.READ_SETUP)) {
            return Optional.empty();
        }
        return Optional.of(new View(settings.settings(scope.brand()), checkout.load(scope.brand()).currency().code(),
                runs.find(scope.brand())));
    }

    public Outcome<ScoreSettings> save(StaffScope scope, SettingsForm form) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return SetupAudit.notAllowed();
        }
        ScoreSettings before = settings.settings(scope.brand());
        if (!Long.toString(before.version()).equals(strip(form.version()))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, STALE);
        }
        Outcome<ScoreRanges> ranges = ranges(form.ranges());
        if (!ranges.isAccepted()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, ((Outcome.Rejected<ScoreRanges>) ranges).rejection().detail());
        }
        Optional<Long> reference = DecimalAmounts.toMinor(strip(form.spendReference()), 4)
                .filter(r -> r > 0 && r <= ScoreSettings.MAX_SPEND_REFERENCE);
        if (reference.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "The spend reference is an amount above 0 and at most "
                    + "1000000000, with at most 4 decimals (for example 500.00).");
        }
        ScoreSettings after = before.changed(ranges.value(), reference.get());
        audit.record(scope, "setup.scores.edit", "scores", values(before), values(after));
        if (!settings.save(after)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, STALE);
        }
        return Outcome.accepted(after);
    }

    /** The ranges as the form shows them: one a line, {@code from-to name}. */
    public static String text(ScoreRanges ranges) {
        return ranges.ranges().stream().map(r -> r.label() + " " + r.name()).collect(Collectors.joining("\n"));
    }

    /** The form's ranges, one a line as {@code from-to name}; every problem as a sentence the form shows. */
    static Outcome<ScoreRanges> ranges(String text) {
        List<ScoreRanges.Range> ranges = new ArrayList<>();
        int line = 0;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = RANGE.matcher(raw.strip());
            if (!m.matches()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "Line " + line + ": write each range as from-to name, "
                        + "for example 1-25 Newbies.");
            }
            ranges.add(new ScoreRanges.Range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3).strip()));
        }
        Optional<String> problem = ScoreRanges.problem(ranges);
        return problem.isPresent() ? Outcome.rejected(Reason.INVALID_REQUEST, problem.get())
                : Outcome.accepted(new ScoreRanges(ranges));
    }

    private static Map<String, String> values(ScoreSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ranges", text(s.ranges()).replace("\n", "; "));
        m.put("spendReference", DecimalAmounts.toDecimal(s.spendReference(), 4).toPlainString());
        return m;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
