package io.tally.backoffice.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.backoffice.accounting.AccountingTables.Table;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.report.AccountingQuery.Grouping;
import io.tally.domain.report.AccountingView.Activity;
import io.tally.domain.report.AccountingView.BalanceLine;
import io.tally.domain.report.AccountingView.Balances;
import io.tally.domain.report.ActivityLine;
import io.tally.domain.report.ActivityLine.Moved;
import io.tally.domain.report.Flow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountingTablesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final ActivityLine MAIN_STREET = new ActivityLine("DEMO001", "Main Street", "Currency:USD", 2,
            new Moved(3500, 2), new Moved(750, 1), new Flow(100, 5, 2), new Flow(750, 0, 1), new Moved(20, 1), 3, 2, 1,
            new Flow(4350, 775, 10));

    @Test
    void activity_rows_name_the_group_then_the_value_type_then_decimals_of_its_scale() {
        Table table = AccountingTables.activity(new Activity(DAY.minusDays(29), DAY, Grouping.LOCATION,
                Optional.of(ProgramKind.GIFT), List.of(MAIN_STREET), false));
        assertEquals("Activity, by location, 2026-11-01 to 2026-11-30 (gift programs only)", table.caption());
        assertEquals(List.of("Location", "Value type", "Issued", "Issues", "Redeemed", "Redemptions", "Adjusted up",
                "Adjusted down", "Adjustments", "Voided redemptions (given back)", "Voided issuances (taken back)",
                "Voids", "Expired", "Expiries", "Holds", "Releases", "Checkouts", "Net change"), table.header());
        assertEquals(List.of(List.of("Main Street", "Currency:USD", "35.00", "2", "7.50", "1", "1.00", "0.05", "2",
                "7.50", "0.00", "1", "0.20", "1", "3", "2", "1", "35.75")), table.rows());
    }

    @Test
    void by_transaction_type_shows_credit_debit_net_and_entries_and_the_overview_has_no_group_column() {
        Table byType = AccountingTables.activity(new Activity(DAY, DAY, Grouping.TYPE, Optional.empty(),
                List.of(new ActivityLine("enroll", "Enroll", "", 0, Moved.NONE, Moved.NONE, Flow.NONE, Flow.NONE,
                        Moved.NONE, 0, 0, 0, new Flow(0, 0, 4))), false));
        assertEquals(List.of("Transaction type", "Value type", "Credit", "Debit", "Net change", "Entries"),
                byType.header());
        assertEquals(List.of("Enroll", "None (no balance moved)", "0", "0", "0", "4"), byType.rows().get(0));
        Table overview = AccountingTables.balances(new Balances(DAY, Grouping.OVERVIEW, Optional.empty(),
                List.of(new BalanceLine("", "All", "Points", 0, -40)), true));
        assertEquals(List.of("Value type", "Outstanding"), overview.header());
        assertEquals(List.of(List.of("Points", "-40")), overview.rows());
        assertEquals("Outstanding balances at the end of 2026-11-30, overview", overview.caption());
    }
}
