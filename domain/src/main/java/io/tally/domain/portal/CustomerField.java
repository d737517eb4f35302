package io.tally.domain.portal;

/**
 * The customer details an enrollment form may ask for. The brand's customer model picks which ones and
 * which of those are required; e-mail is always asked and required (it identifies the member in e-mails).
 */
public enum CustomerField {
    FIRST_NAME("firstName", "First name", "text", "given-name"),
    LAST_NAME("lastName", "Last name", "text", "family-name"),
    EMAIL("email", "Email address", "email", "email"),
    PHONE("phone", "Mobile phone", "tel", "tel"),
    POSTAL("postal", "Postcode / ZIP", "text", "postal-code"),
    BIRTH_DATE("birthDate", "Date of birth", "date", "bday");

    private final String formName;
    private final String label;
    private final String inputType;
    private final String autocomplete;

    CustomerField(String formName, String label, String inputType, String autocomplete) {
        this.formName = formName;
        this.label = label;
        this.inputType = inputType;
        this.autocomplete = autocomplete;
    }

    /** The form field's name, also the seed's name for it. */
    public String formName() {
        return formName;
    }

    public String label() {
        return label;
    }

    public String inputType() {
        return inputType;
    }

    public String autocomplete() {
        return autocomplete;
    }

    public static CustomerField byFormName(String name) {
        for (CustomerField f : values()) {
            if (f.formName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown customer field " + name);
    }

    /** One field of a brand's customer model. */
    public record Spec(CustomerField field, boolean required) {
    }
}
