package io.tally.domain.report.export;

import io.tally.domain.shared.Identifiers;

/** A report's id: chosen when the request form is shown, so submitting the form twice asks for one report. */
public record ReportId(String value) {
    public ReportId {
        Identifiers.require(value, "report id");
    }

    @Override
    public String toString() {
        return value;
    }
}
