package io.tally.sqs.obs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which log fields are never written: a field whose name says it holds a credential is written as {@link #MASK}.
 * The name is split into words (camelCase, snake_case, kebab-case) so {@code employeePassword}, {@code x-api-token} or
 * {@code session_cookie} are caught (and, since header names arrive
 * lower-cased, {@code employeepassword} too: the strongest words count anywhere in a name) while {@code shipping} is not; {@code code} counts only alone or beside a word of
 * a challenge (a TOTP or reset code), so {@code errorCode} stays readable. Messages never carry request bodies: callers
 * put what they log in named fields, which pass through here.
 */
public final class Redaction {
    /** What a hidden value is written as. */
    public static final String MASK = "***";

    private static final Set<String> SECRET_WORDS = Set.of("pin", "pins", "password", "passwords", "passwd", "secret",
            "secrets", "token", "tokens", "authorization", "cookie", "cookies", "otp", "totp", "credential", "credentials");
    /** Found inside any name, however it is cased or joined. */
    private static final List<String> RUN_TOGETHER = List.of("password", "passwd", "secret", "token", "authorization",
            "cookie", "totp", "credential");
    private static final Set<String> CHALLENGE_WORDS = Set.of("challenge", "mfa", "verification", "confirmation", "reset",
            "signin", "sign", "link");

    private Redaction() {
    }

    /** True when a field of this name must not be written. */
    public static boolean hidden(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        for (String w : RUN_TOGETHER) {
            if (lower.contains(w)) {
                return true; // header names arrive lower-cased, words run together (employeepassword)
            }
        }
        if (lower.endsWith("pin") || lower.endsWith("pins")) {
            return true;
        }
        String[] words = words(fieldName);
        boolean code = false;
        boolean challenge = false;
        for (String w : words) {
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            code |= w.equals("code") || w.equals("codes");
            challenge |= CHALLENGE_WORDS.contains(w);
        }
        return code && (challenge || words.length == 1);
    }

    private static String[] words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
        return spaced.trim().toLowerCase(Locale.ROOT).split(" ");
    }
}
