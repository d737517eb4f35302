package io.tally.backoffice.actions;

import java.util.List;

/** What the card action and audit templates show: plain values, already formatted. */
public final class ActionViews {
    private ActionViews() {
    }

    /** One labelled value of a result or an audit record. */
    public record Row(String label, String value) {
    }

    /** A choice of a select: its value, its label, whether it is chosen. */
    public record Choice(String value, String label, boolean selected) {
    }

    /**
     * The form of a card action: which card, the action's path and title, its key, what the staff member typed, and
     * for the status form the status it sets ({@code null} otherwise), fixed when the form was shown.
     */
    public record ActionForm(String card, String path, String title, String key, String reason, String error, String to) {
    }

    /** One audit record as a table row. */
    public record AuditRow(String at, String staff, String action, String target, String reason, List<Row> before,
                           List<Row> after) {
    }
}
