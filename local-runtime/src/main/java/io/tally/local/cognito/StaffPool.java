package io.tally.local.cognito;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * The staff user pool and its app client, created on a local Cognito the way the CDK stack creates them on AWS:
 * e-mail usernames, the password policy, optional TOTP, an app client without a secret allowing password sign-in.
 */
public record StaffPool(String poolId, String clientId) {
    public static final String NAME = "tally-staff";

    /** The pool named {@link #NAME} and its first client if they exist (data kept on disk), else new ones. */
    public static StaffPool ensure(URI cognitoEndpoint) {
        try (CognitoIdentityProviderClient cognito = client(cognitoEndpoint)) {
            var existing = cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
                    .filter(p -> p.name().equals(NAME)).findFirst();
            if (existing.isPresent()) {
                String id = existing.get().id();
                var clients = cognito.listUserPoolClients(b -> b.userPoolId(id).maxResults(60)).userPoolClients();
                if (!clients.isEmpty()) {
                    return new StaffPool(id, clients.get(0).clientId());
                }
            }
            String pool = cognito.createUserPool(b -> b.poolName(NAME).usernameAttributes(UsernameAttributeType.EMAIL)
                    .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                    .policies(p -> p.passwordPolicy(pw -> pw.minimumLength(12).requireLowercase(true).requireUppercase(true)
                            .requireNumbers(true).requireSymbols(true).temporaryPasswordValidityDays(7))))
                    .userPool().id();
            String client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("tally-back-office")
                    .generateSecret(false).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            return new StaffPool(pool, client);
        }
    }

    /** A client for a local Cognito (static dummy credentials, url-connection HTTP client). */
    public static CognitoIdentityProviderClient client(URI endpoint) {
        return CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }
}
