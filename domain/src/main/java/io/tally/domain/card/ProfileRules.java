package io.tally.domain.card;

import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Limits on everything a merchant may store on a card. Each bound keeps one card profile well inside a
 * DynamoDB item (400 KB) and keeps search indexes meaningful; the numbers are generous for real data.
 */
public final class ProfileRules {
    public static final int MAX_NAME = 64;
    public static final int MAX_EMAIL = 254;
    public static final int MIN_PHONE_DIGITS = 6;
    public static final int MAX_PHONE_DIGITS = 15;
    public static final int MAX_PHONE_TEXT = 32;
    public static final int MAX_ADDRESS = 128;
    public static final int MAX_POSTAL = 16;
    public static final int MAX_GENDER = 16;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_FIELD_NAME = 64;
    public static final int MAX_FIELD_VALUE = 1024;
    public static final int MAX_THIRD_PARTY_USERNAMES = 10;
    public static final int MAX_CUSTOM_CARD_NUMBER = 64;
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\- ]{0,63}");
    private static final Pattern PHONE_TEXT = Pattern.compile("\\+?[0-9 ().\\-]+");

    private ProfileRules() {
    }

    public static Optional<Rejection> check(Customer c) {
        return first(
                text("firstName", c.firstName(), MAX_NAME),
                text("lastName", c.lastName(), MAX_NAME),
                email(c.email()),
                phone(c.phone()),
                text("address1", c.address1(), MAX_ADDRESS),
                text("address2", c.address2(), MAX_ADDRESS),
                text("city", c.city(), MAX_NAME),
                text("state", c.state(), MAX_NAME),
                text("postal", c.postal(), MAX_POSTAL),
                text("country", c.country(), MAX_NAME),
                text("gender", c.gender(), MAX_GENDER),
                birthDate(c.birthDate()));
    }

    /** Named fields (brand demographics, custom card data, third-party usernames); an empty value deletes. */
    public static Optional<Rejection> checkFields(String what, Map<String, String> fields, int maxCount) {
        if (fields.size() > maxCount) {
            return bad(what + " holds at most " + maxCount + " fields");
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey() == null || !FIELD_NAME.matcher(e.getKey()).matches()) {
                return bad(what + " field names are 1-" + MAX_FIELD_NAME + " letters, digits, space, '_', '.' or '-'");
            }
            Optional<Rejection> value = text(what + "." + e.getKey(), e.getValue(), MAX_FIELD_VALUE);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    public static Optional<Rejection> checkCustomCardNumber(String value) {
        return text("customCardNumber", value, MAX_CUSTOM_CARD_NUMBER);
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static String phoneDigits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    private static Optional<Rejection> email(String email) {
        if (email == null) {
            return Optional.empty();
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return bad("email is not an e-mail address");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> phone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        int digits = phoneDigits(phone).length();
        if (phone.length() > MAX_PHONE_TEXT || !PHONE_TEXT.matcher(phone).matches()
                || digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) {
            return bad("phone must be " + MIN_PHONE_DIGITS + "-" + MAX_PHONE_DIGITS + " digits");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> birthDate(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_BIRTH_DATE) || date.getYear() > 9999)) {
            return bad("birthDate is out of range");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> text(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return bad(field + " is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return bad(field + " contains control characters");
            }
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<Rejection> first(Optional<Rejection>... checks) {
        for (Optional<Rejection> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> bad(String detail) {
        return Optional.of(Rejection.of(Reason.INVALID_REQUEST, detail));
    }
}
