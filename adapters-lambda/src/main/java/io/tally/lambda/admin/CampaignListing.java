package io.tally.lambda.admin;

import io.tally.domain.campaign.Campaign;
import java.time.Instant;
import java.util.stream.Collectors;

/** A campaign in words, for {@code tally admin campaigns list}: one header line, then its conditions and results. */
final class CampaignListing {
    private CampaignListing() {
    }

    static String describe(Campaign c) {
        String window = c.validFrom().map(Instant::toString).orElse("always") + " .. "
                + c.validTo().map(Instant::toString).orElse("open");
        String header = c.id() + "\tpriority " + c.priority() + "\t" + (c.enabled() ? "enabled" : "DISABLED") + "\t"
                + window + (c.stackable() ? "" : "\tnot stackable") + "\t" + c.name();
        String when = c.conditions().isEmpty() ? "always"
                : c.conditions().stream().map(Campaign.Condition::describe).collect(Collectors.joining(" and "));
        String then = c.results().stream().map(Campaign.Result::describe).collect(Collectors.joining("; "));
        return header + "\n    when " + when + "\n    then " + then + "\n    limits " + c.limits().describe();
    }
}
