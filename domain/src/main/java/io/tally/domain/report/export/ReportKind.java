package io.tally.domain.report.export;

/** What a Report Center export holds. */
public enum ReportKind {
    /** Every ledger entry of the period (the activity log), one row per value type an entry moved. */
    TRANSACTIONS("All transactions", true),
    /** Every card's balances when the export is written, one row per card and value type: no period applies. */
    BALANCES("Balances of every card", false),
    /** The period's accounting figures by day, location, program, card set, entry type and value type. */
    ACCOUNTING("Accounting detail", true);

    private final String label;
    private final boolean period;

    ReportKind(String label, boolean period) {
        this.label = label;
        this.period = period;
    }

    /** Whether the report covers the period asked for (else it is a picture of now, and the period is not used). */
    public boolean hasPeriod() {
        return period;
    }

    public String label() {
        return label;
    }
}
