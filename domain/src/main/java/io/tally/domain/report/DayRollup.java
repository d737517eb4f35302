package io.tally.domain.report;

import io.tally.domain.backoffice.BrandTransaction;
import io.tally.domain.tenant.BrandId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One brand's accounting figures of one day (the brand's time zone): the flows of every {@link RollupCell}. A pure
 * function of the day's ledger entries, so computing it again gives the same value (the rollup job replaces the stored
 * day with it; nothing is counted up from messages).
 */
public record DayRollup(BrandId brand, LocalDate day, SortedMap<RollupCell, Flow> cells) {
    public DayRollup {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(day, "day");
        cells = Collections.unmodifiableSortedMap(new TreeMap<>(cells));
    }

    public static DayRollup empty(BrandId brand, LocalDate day) {
        return new DayRollup(brand, day, new TreeMap<>());
    }

    /** Folds transactions as they come (pages of the activity log); each transaction id counts once. */
    public static final class Builder {
        private final BrandId brand;
        private final LocalDate day;
        private final TreeMap<RollupCell, Flow> cells = new TreeMap<>();
        private final Set<String> seen = new HashSet<>();

        public Builder(BrandId brand, LocalDate day) {
            this.brand = Objects.requireNonNull(brand, "brand");
            this.day = Objects.requireNonNull(day, "day");
        }

        public Builder add(BrandTransaction t) {
            if (!seen.add(t.transactionId().isEmpty() ? t.event().id() : t.transactionId())) {
                return this;
            }
            String location = t.location().map(l -> l.value()).orElse("");
            String program = t.program().orElse("");
            String cardSet = t.cardSet().orElse("");
            Map<String, Long> changes = t.balanceChanges();
            if (changes.isEmpty()) {
                cells.merge(new RollupCell(location, program, cardSet, t.type(), ""), new Flow(0, 0, 1), Flow::plus);
            }
            changes.forEach((valueType, delta) -> cells.merge(
                    new RollupCell(location, program, cardSet, t.type(), valueType), Flow.of(delta), Flow::plus));
            return this;
        }

        public DayRollup build() {
            return new DayRollup(brand, day, cells);
        }
    }

    /** The day's change of the outstanding balances. */
    public SortedMap<BalanceCell, Long> balanceChanges() {
        SortedMap<BalanceCell, Long> changes = new TreeMap<>();
        cells.forEach((cell, flow) -> {
            if (!cell.valueType().isEmpty() && flow.net() != 0) {
                changes.merge(cell.balance(), flow.net(), Math::addExact);
            }
        });
        changes.values().removeIf(v -> v == 0);
        return changes;
    }
}
