package io.tally.domain.tenant;

/**
 * What a merchant call presents, as raw strings straight from the request (any may be null or malformed).
 * {@link #toString()} never shows the secret or the employee password.
 */
public record MerchantCredentials(String apiKey, String apiSecret, String brand, String location, String terminal,
                                  String employee, String employeePassword) {
    @Override
    public String toString() {
        return "MerchantCredentials[key=" + apiKey + ", brand=" + brand + ", location=" + location
                + ", terminal=" + terminal + ", employee=" + employee + "]";
    }
}
