package io.tally.backoffice.http;

import io.tally.backoffice.http.View.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** A date field of a form (yyyy-mm-dd, as a date input sends it); a field that is not one adds its error. */
public final class FormDates {
    private FormDates() {
    }

    /** The date typed in {@code field}; {@code what} names it in the error ("start" → "Give the start date as …"). */
    public static Optional<LocalDate> parse(String text, String field, String what, List<FieldError> errors) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Give the " + what + " date as yyyy-mm-dd."));
            return Optional.empty();
        }
    }
}
