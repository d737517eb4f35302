package io.tally.domain.report.export;

/** What a Report Center export holds. */
public enum ReportKind {
    /** Every ledger entry of the period (the activity log), one row per value type an entry moved. */
    TRANSACTIONS("All transactions"),
    /** Every card's balances at the time of the export, one row per card and value type. */
    BALANCES("Balances of every card"),
    /** The period's accounting figures by day, location, program, card set, entry type and value type. */
    ACCOUNTING("Accounting detail");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
