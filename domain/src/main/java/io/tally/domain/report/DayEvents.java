package io.tally.domain.report;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/** Every event of one day (the brand's zone) in the activity log, page by page: what each daily rollup folds. */
final class DayEvents {
    private DayEvents() {
    }

    static void each(ActivityLogPort activity, BrandId brand, ZoneId zone, LocalDate day, Consumer<DomainEvent> fold) {
        Optional<ActivityLogPort.Position> after = Optional.empty();
        do {
            ActivityLogPort.Slice slice = activity.between(brand, day.atStartOfDay(zone).toInstant(),
                    day.plusDays(1).atStartOfDay(zone).toInstant(), after, ActivityLogPort.MAX_PAGE);
            slice.events().forEach(fold);
            after = slice.next();
        } while (after.isPresent());
    }
}
