package io.tally.backoffice.wiring;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the back-office function: the table, the staff user pool and its app client, and the signing
 * secret of sessions and CSRF tokens (configuration, never generated at init). On Lambda from environment variables;
 * the local runtime builds it directly, with cognito-local's and dynalite's endpoints.
 */
public record OfficeSettings(String tableName, String userPoolId, String clientId, String signingSecret, String region,
                             Optional<URI> dynamoEndpoint, Optional<URI> cognitoEndpoint) {
    public static final String TABLE_NAME = "TALLY_TABLE_NAME";
    public static final String USER_POOL_ID = "TALLY_STAFF_POOL_ID";
    public static final String CLIENT_ID = "TALLY_STAFF_CLIENT_ID";
    public static final String OFFICE_SECRET = "TALLY_OFFICE_SECRET";
    public static final String DYNAMODB_ENDPOINT = "TALLY_DYNAMODB_ENDPOINT";
    public static final String COGNITO_ENDPOINT = "TALLY_COGNITO_ENDPOINT";

    public OfficeSettings {
        require(tableName, TABLE_NAME);
        require(userPoolId, USER_POOL_ID);
        require(clientId, CLIENT_ID);
        require(signingSecret, OFFICE_SECRET);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dynamoEndpoint, "dynamoEndpoint");
        Objects.requireNonNull(cognitoEndpoint, "cognitoEndpoint");
    }

    /** Talking to local protocol servers: cookies without Secure, no HSTS, static credentials. */
    public boolean local() {
        return dynamoEndpoint.isPresent() || cognitoEndpoint.isPresent();
    }

    public static OfficeSettings fromEnvironment(Map<String, String> env) {
        return new OfficeSettings(env.get(TABLE_NAME), env.get(USER_POOL_ID), env.get(CLIENT_ID), env.get(OFFICE_SECRET),
                env.getOrDefault("AWS_REGION", "us-east-1"), opt(env, DYNAMODB_ENDPOINT).map(URI::create),
                opt(env, COGNITO_ENDPOINT).map(URI::create));
    }

    private static Optional<String> opt(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
    }

    @Override
    public String toString() {
        return "OfficeSettings[" + tableName + ", pool " + userPoolId + ", secret=****]";
    }
}
