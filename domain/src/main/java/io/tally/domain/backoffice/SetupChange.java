package io.tally.domain.backoffice;

/** Whether a setup form creates something new or edits something that exists (each refuses the other case). */
public enum SetupChange {
    CREATE, EDIT;

    /** The refusal when the item's existence does not fit this change; null when it fits. */
    String misfit(boolean exists, String what) {
        if (this == CREATE && exists) {
            return "There is already " + what + ". Choose another id, or edit it.";
        }
        if (this == EDIT && !exists) {
            return "There is no " + what.replaceFirst("^an? ", "") + ".";
        }
        return null;
    }

    /** The audit action's verb. */
    String verb() {
        return this == CREATE ? "create" : "edit";
    }
}
