package io.tally.domain.provisioning;

import io.tally.domain.engagement.score.CustomerScore;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.ScoreRangeSeed;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the {@code scores} sections of a seed into score settings (version 0: the store's version is applied). */
final class ScoreSeeds {
    private ScoreSeeds() {
    }

    static List<ScoreSettings> settings(Seed seed, boolean storable, List<String> problems) {
        List<ScoreSettings> settings = new ArrayList<>();
        for (BrandSeed b : seed.brands()) {
            if (b.scores() == null) {
                continue;
            }
            String where = "brand " + b.id() + " scores: ";
            if (!storable) {
                problems.add(where + "this runtime cannot store score settings");
                continue;
            }
            List<ScoreRanges.Range> ranges = new ArrayList<>();
            for (ScoreRangeSeed r : b.scores().ranges()) {
                if (r.from() == null || r.to() == null || r.name() == null) {
                    problems.add(where + "each range has from, to and name");
                    continue;
                }
                ranges.add(new ScoreRanges.Range(r.from(), r.to(), r.name()));
            }
            Optional<String> problem = ranges.isEmpty() ? Optional.empty() : ScoreRanges.problem(ranges);
            problem.ifPresent(p -> problems.add(where + p));
            long reference = b.scores().spendReference() == null ? CustomerScore.DEFAULT_SPEND_REFERENCE
                    : DecimalAmounts.toMinor(b.scores().spendReference(), 4)
                    .filter(v -> v > 0 && v <= ScoreSettings.MAX_SPEND_REFERENCE).orElse(-1L);
            if (reference < 0) {
                problems.add(where + "spendReference is an amount above 0 with at most 4 decimals");
            }
            if (problem.isEmpty() && reference > 0) {
                settings.add(new ScoreSettings(new BrandId(b.id()), ranges.isEmpty() ? ScoreRanges.DEFAULT
                        : new ScoreRanges(ranges), reference, 0));
            }
        }
        return settings;
    }
}
