package io.tally.domain.report.export;

/** What a Report Center export holds. */
public enum ReportKind {
    /** Every ledger entry of the period (the activity log), one row per value type an entry moved. */
    TRANSACTIONS("All transactions", true),
    /** Every card's balances when the export is written, one row per card and value type: no period applies. */
    BALANCES("Balances of every card", false),
    /** The period's accounting figures by day, location, program, card set, entry type and value type. */
    ACCOUNTING("Accounting detail", true),
    /**
     * The members of one READY segment snapshot (its subject), one row per card: requested from the segment's page,
     * not the Report Center's form; no period applies.
     */
    SEGMENT_MEMBERS("Members of a segment snapshot", false, true),
    /**
     * Direct mail: the postal addresses of a list's members (its subject: the list, optionally narrowed by a READY
     * segment snapshot), one row per card; offered by the Report Center's form with its list and segment.
     */
    DIRECT_MAIL("Direct mail addresses", false, true);

    private final String label;
    private final boolean period;
    private final boolean subject;

    ReportKind(String label, boolean period) {
        this(label, period, false);
    }

    ReportKind(String label, boolean period, boolean subject) {
        this.label = label;
        this.period = period;
        this.subject = subject;
    }

    /** Whether the report is about one thing named in its filters' {@code subject} (asked for where that thing is). */
    public boolean hasSubject() {
        return subject;
    }

    /** Whether the report covers the period asked for (else it is a picture of now, and the period is not used). */
    public boolean hasPeriod() {
        return period;
    }

    public String label() {
        return label;
    }
}
