package io.tally.sqs.obs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
    @ParameterizedTest
    @ValueSource(strings = {"pin", "PIN", "newPin", "card_pin", "password", "employeePassword", "employeepassword",
            "secret", "apiSecret", "portal-secret", "token", "linkToken", "refresh_token", "authorization", "Authorization",
            "cookie", "set-cookie", "sessionCookie", "totp", "totpCode", "otp", "code", "codes", "challengeCode",
            "mfa_code", "verificationCode", "resetCode", "credentials"})
    void names_that_say_they_hold_a_credential_are_hidden(String name) {
        assertTrue(Redaction.hidden(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"errorCode", "couponCode", "status", "method", "requestRef", "shipping", "mapping", "brand",
            "apiKey", "route", "correlation_id", "spinner", "message"})
    void everyday_names_stay_readable(String name) {
        assertFalse(Redaction.hidden(name), name);
    }
}
