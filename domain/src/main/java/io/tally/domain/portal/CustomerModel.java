package io.tally.domain.portal;

import io.tally.domain.card.ProfileRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place brand demographics are checked against the brand's customer model: the member portal's enrollment
 * form, the merchant API's {@code updateAccount} and the back office all call it, so a value one of them accepts the
 * others accept too. Values are normalised (a choice to its listed spelling, a boolean to {@code true}/{@code false},
 * text and numbers stripped). A brand whose model defines no brand fields keeps free-form demographics (as before
 * customer models had them); once it defines one, every name must be one of its fields.
 */
public final class CustomerModel {
    /** Form inputs of brand fields are named with this prefix, so they cannot clash with the fixed customer fields. */
    public static final String FORM_PREFIX = "bd.";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private CustomerModel() {
    }

    /** A problem with one field's value; {@code message} names the field by its label. */
    public record Problem(String field, String message) {
    }

    /** The normalised values (an empty value means "delete"), or the problems. */
    public record Checked(Map<String, String> values, List<Problem> problems) {
        public Checked {
            values = Map.copyOf(values);
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public Optional<Problem> first() {
            return problems.stream().findFirst();
        }
    }

    /** Values given by name (updateAccount, the back office): each non-empty one must fit its field. */
    public static Checked values(List<DemographicField> model, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        given.forEach((name, raw) -> {
            String value = raw == null ? "" : raw.strip();
            Optional<DemographicField> field = model.stream().filter(f -> f.name().equals(name)).findFirst();
            if (value.isEmpty() || model.isEmpty()) {
                values.put(name, value);
            } else if (field.isEmpty()) {
                problems.add(new Problem(name, "\"" + name + "\" is not a field of the brand's customer model."));
            } else {
                normalise(field.get(), value).ifPresentOrElse(v -> values.put(name, v),
                        () -> problems.add(new Problem(name, message(field.get()))));
            }
        });
        return new Checked(values, problems);
    }

    /** The required fields that {@code values} (a card's demographics as they will be) lacks: checked on enrollment. */
    public static List<Problem> missing(List<DemographicField> model, Map<String, String> values) {
        return model.stream().filter(DemographicField::required)
                .filter(f -> values.getOrDefault(f.name(), "").isBlank())
                .map(f -> new Problem(f.name(), f.label() + " is required.")).toList();
    }

    /** An enrollment form: the model's fields read from their inputs ({@link #formName}); required ones must be there. */
    public static Checked form(List<DemographicField> model, Map<String, String> form) {
        Map<String, String> given = new LinkedHashMap<>();
        for (DemographicField f : model) {
            given.put(f.name(), form.getOrDefault(formName(f), ""));
        }
        Checked checked = values(model, given);
        Map<String, String> present = new LinkedHashMap<>(checked.values());
        present.values().removeIf(String::isEmpty);
        List<Problem> problems = new ArrayList<>(checked.problems());
        missing(model, given).forEach(problems::add);
        return new Checked(present, problems);
    }

    public static String formName(DemographicField field) {
        return FORM_PREFIX + field.name();
    }

    private static Optional<String> normalise(DemographicField f, String value) {
        if (value.length() > ProfileRules.MAX_FIELD_VALUE) {
            return Optional.empty();
        }
        return switch (f.type()) {
            case TEXT -> Optional.of(value);
            case NUMBER -> Optional.of(value).filter(v -> NUMBER.matcher(v).matches());
            case CHOICE -> f.choices().stream().filter(c -> c.equalsIgnoreCase(value)).findFirst();
            case DATE -> date(value);
            case BOOLEAN -> bool(value);
        };
    }

    private static Optional<String> date(String value) {
        try {
            LocalDate d = LocalDate.parse(value);
            return d.isBefore(ProfileRules.EARLIEST_BIRTH_DATE) || d.isAfter(LATEST_DATE) ? Optional.empty()
                    : Optional.of(d.toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Optional.of("true");
            case "false", "no" -> Optional.of("false");
            default -> Optional.empty();
        };
    }

    private static String message(DemographicField f) {
        return f.label() + switch (f.type()) {
            case TEXT -> " is too long (at most " + ProfileRules.MAX_FIELD_VALUE + " characters).";
            case NUMBER -> " must be a number, like 12 or 3.5.";
            case CHOICE -> " must be one of " + String.join(", ", f.choices()) + ".";
            case DATE -> " must be a date as YYYY-MM-DD (1900-01-01 to 2999-12-31).";
            case BOOLEAN -> " must be yes or no.";
        };
    }
}
