package io.tally.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * The brand's staff identities: a Cognito user pool (sign-in by e-mail, the password policy, optional TOTP as the
 * second factor, recovery by e-mail only, no self sign-up: staff are created by an admin or the operator) and the back
 * office's app client (password sign-in, no secret: the back office calls {@code InitiateAuth USER_PASSWORD_AUTH} and
 * {@code RespondToAuthChallenge} itself, no hosted UI, no OAuth). The local runtime's {@code StaffPool} creates the same
 * pool on cognito-local. The pool is kept with the stack's data (retained unless the stage is disposable): the staff
 * items in the table name its users.
 */
final class StaffPool {
    /** What the back office and {@code tally admin staff} call with the function's (or operator's) credentials. */
    static final List<String> ADMIN_ACTIONS = List.of("cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser",
            "cognito-idp:AdminSetUserPassword", "cognito-idp:AdminDisableUser", "cognito-idp:AdminEnableUser");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int TEMPORARY_PASSWORD_DAYS = 7;

    record Deployed(UserPool pool, UserPoolClient client) {
        /** Lets the back office call the admin actions on this pool, and nothing else of Cognito. */
        void grantAdmin(IGrantable grantee) {
            pool.grant(grantee, ADMIN_ACTIONS.toArray(String[]::new));
        }
    }

    private StaffPool() {
    }

    static Deployed create(Construct scope, StackConfig config) {
        UserPool pool = UserPool.Builder.create(scope, "StaffUserPool")
                .userPoolName("tally-staff-" + config.brand() + "-" + config.stage())
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(true).mutable(true).build())
                        .build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(MIN_PASSWORD_LENGTH)
                        .requireLowercase(true).requireUppercase(true).requireDigits(true).requireSymbols(true)
                        .tempPasswordValidity(Duration.days(TEMPORARY_PASSWORD_DAYS))
                        .build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .deletionProtection(!config.disposable())
                .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        UserPoolClient client = pool.addClient("BackOfficeClient", UserPoolClientOptions.builder()
                .userPoolClientName("tally-back-office")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userPassword(true).build())
                .disableOAuth(true)
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                // the back office keeps its own 8-hour session; the access token only enrols a second factor
                .accessTokenValidity(Duration.minutes(60))
                .idTokenValidity(Duration.minutes(60))
                .refreshTokenValidity(Duration.hours(8))
                .authSessionValidity(Duration.minutes(5))
                .build());
        return new Deployed(pool, client);
    }
}
