package io.tally.domain.enrollment;

import io.tally.domain.card.Customer;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.CustomerModel;
import io.tally.domain.portal.DemographicField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an enrollment form against the brand's customer model: only the model's fields are taken, required
 * ones must be there, and each is checked. Problems come back per field so the page can show each one next
 * to its input.
 */
public final class CustomerForm {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private CustomerForm() {
    }

    /** Either a customer (and the brand fields' values, by field name) or the problems, by form field name. */
    public record Parsed(Customer customer, Map<String, String> demographics, Map<String, String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Parsed parse(List<CustomerField.Spec> model, Map<String, String> form) {
        return parse(model, List.of(), form);
    }

    /** The fixed fields of the model, then the brand's own fields, each checked by {@link CustomerModel}. */
    public static Parsed parse(List<CustomerField.Spec> model, List<DemographicField> brandFields, Map<String, String> form) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<CustomerField, String> values = new LinkedHashMap<>();
        for (CustomerField.Spec spec : model) {
            String value = form.getOrDefault(spec.field().formName(), "").strip();
            if (value.isEmpty()) {
                if (spec.required()) {
                    problems.put(spec.field().formName(), "Enter your " + spec.field().label().toLowerCase(java.util.Locale.ROOT) + ".");
                }
                continue;
            }
            if (value.length() > 254) {
                problems.put(spec.field().formName(), spec.field().label() + " is too long.");
                continue;
            }
            values.put(spec.field(), value);
        }
        String email = values.get(CustomerField.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.put("email", "Enter an email address like name@example.com.");
        }
        String phone = values.get(CustomerField.PHONE);
        if (phone != null) {
            int digits = ProfileRules.phoneDigits(phone).length();
            if (digits < ProfileRules.MIN_PHONE_DIGITS || digits > ProfileRules.MAX_PHONE_DIGITS) {
                problems.put("phone", "Enter a phone number with 6 to 15 digits.");
            }
        }
        LocalDate birthDate = null;
        if (values.containsKey(CustomerField.BIRTH_DATE)) {
            try {
                birthDate = LocalDate.parse(values.get(CustomerField.BIRTH_DATE));
            } catch (DateTimeParseException e) {
                problems.put("birthDate", "Enter the date as YYYY-MM-DD.");
            }
        }
        Customer customer = new Customer(values.get(CustomerField.FIRST_NAME), values.get(CustomerField.LAST_NAME),
                email, phone, null, null, null, null, values.get(CustomerField.POSTAL), null, birthDate, null);
        CustomerModel.Checked demographics = CustomerModel.form(brandFields, form);
        demographics.problems().forEach(p -> problems.putIfAbsent(CustomerModel.FORM_PREFIX + p.field(), p.message()));
        if (problems.isEmpty()) {
            ProfileRules.check(customer).ifPresent(r -> problems.put("form", r.detail()));
        }
        return new Parsed(customer, demographics.values(), problems);
    }
}
