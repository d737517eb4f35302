package io.tally.domain.portal;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of the brand's own customer model (its "brand demographics"): a named, typed value the brand keeps about
 * each member, asked on the enrollment form and accepted by {@code updateAccount}. Values are stored as text on the
 * card; {@link CustomerModel} checks them against the field's type.
 *
 * @param name    the key in the card's {@code brandDemographics} (the wire's {@code fieldName})
 * @param label   what the form shows
 * @param choices the allowed values of a {@link Type#CHOICE} field (empty for every other type)
 */
public record DemographicField(String name, String label, Type type, boolean required, List<String> choices) {
    public static final int MAX_FIELDS = 30;
    public static final int MAX_CHOICES = 50;
    public static final int MAX_LABEL = 80;
    public static final int MAX_CHOICE = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    /** The kinds of value a field holds. */
    public enum Type {
        TEXT, NUMBER, CHOICE, DATE, BOOLEAN;

        /** The seed's and the form's name of the type. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Type byWireName(String name) {
            for (Type t : values()) {
                if (t.wireName().equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown field type " + name + " (text, number, choice, date, boolean)");
        }
    }

    public DemographicField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        choices = choices.stream().map(String::strip).toList();
        label = label.strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a field name is 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit: " + name);
        }
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("field " + name + ": a label is 1-" + MAX_LABEL + " characters");
        }
        if ((type == Type.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("field " + name + ": a choice field, and only a choice field, lists its choices");
        }
        if (choices.size() > MAX_CHOICES || choices.stream().anyMatch(c -> c.isEmpty() || c.length() > MAX_CHOICE)) {
            throw new IllegalArgumentException("field " + name + ": at most " + MAX_CHOICES + " choices of 1-" + MAX_CHOICE + " characters");
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException("field " + name + ": a choice is listed twice");
        }
    }

    /** Checks a model as a whole: at most {@link #MAX_FIELDS} fields, names unique. */
    static void checkModel(List<DemographicField> model) {
        if (model.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a customer model has at most " + MAX_FIELDS + " brand fields");
        }
        if (model.stream().map(DemographicField::name).distinct().count() != model.size()) {
            throw new IllegalArgumentException("a brand field name is listed twice");
        }
    }
}
