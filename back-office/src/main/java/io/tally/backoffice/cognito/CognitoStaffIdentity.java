package io.tally.backoffice.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffIdentityPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The staff identity service on Amazon Cognito (cognito-local off AWS). This function signs staff in, server-side, with
 * {@code InitiateAuth USER_PASSWORD_AUTH} on the pool's app client (no client secret) and answers the challenges with
 * {@code RespondToAuthChallenge}; the admin calls (create, get, set a temporary password, disable, enable) are signed
 * with the function's role. Not {@code ADMIN_USER_PASSWORD_AUTH}: cognito-local's {@code AdminInitiateAuth} signs in
 * without ever asking for a new password or a second factor, and it has no {@code AdminRespondToAuthChallenge}, so the
 * one flow both serve alike is this one. Usernames are e-mail addresses. A wrong password is {@code NotAuthorizedException} on AWS and
 * {@code InvalidPasswordException} on cognito-local: both are a failed sign-in.
 */
public final class CognitoStaffIdentity implements StaffIdentityPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CognitoIdentityProviderClient cognito;
    private final String poolId;
    private final String clientId;

    public CognitoStaffIdentity(CognitoIdentityProviderClient cognito, String poolId, String clientId) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.poolId = Objects.requireNonNull(poolId, "poolId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public NewUser createUser(String email, String temporaryPassword) {
        try {
            var user = cognito.adminCreateUser(b -> b.userPoolId(poolId).username(email).temporaryPassword(temporaryPassword)
                    .messageAction(MessageActionType.SUPPRESS).userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder().name("email_verified").value("true").build())).user();
            return new NewUser(sub(user.attributes().stream().map(a -> Map.entry(a.name(), a.value())))
                    .orElseGet(() -> existing(email)), false);
        } catch (UsernameExistsException exists) {
            return new NewUser(existing(email), true);
        }
    }

    @Override
    public void setTemporaryPassword(String email, String temporaryPassword) {
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(email).password(temporaryPassword).permanent(false));
    }

    private StaffId existing(String email) {
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username(email));
        return sub(user.userAttributes().stream().map(a -> Map.entry(a.name(), a.value())))
                .orElseThrow(() -> new IllegalStateException("the identity service's user has no sub"));
    }

    private static Optional<StaffId> sub(java.util.stream.Stream<Map.Entry<String, String>> attributes) {
        return attributes.filter(a -> a.getKey().equals("sub")).map(a -> new StaffId(a.getValue())).findFirst();
    }

    @Override
    public SignIn signIn(String email, String password) {
        try {
            var r = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
            return answer(r.challengeName(), r.session(), r.authenticationResult() == null ? null
                    : r.authenticationResult().idToken(), r.authenticationResult() == null ? null
                    : r.authenticationResult().accessToken());
        } catch (NotAuthorizedException | InvalidPasswordException | UserNotFoundException | UserNotConfirmedException
                 | PasswordResetRequiredException wrong) {
            return new Failed(Failure.WRONG_CREDENTIALS);
        } catch (TooManyRequestsException | TooManyFailedAttemptsException | LimitExceededException busy) {
            return new Failed(Failure.TOO_MANY_ATTEMPTS);
        }
    }

    @Override
    public SignIn newPassword(String email, String session, String newPassword) {
        return respond(ChallengeNameType.NEW_PASSWORD_REQUIRED, session,
                Map.of("USERNAME", email, "NEW_PASSWORD", newPassword));
    }

    @Override
    public SignIn totp(String email, String session, String code) {
        return respond(ChallengeNameType.SOFTWARE_TOKEN_MFA, session,
                Map.of("USERNAME", email, "SOFTWARE_TOKEN_MFA_CODE", code));
    }

    private SignIn respond(ChallengeNameType challenge, String session, Map<String, String> responses) {
        try {
            var r = cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(challenge).session(session)
                    .challengeResponses(responses));
            return answer(r.challengeName(), r.session(), r.authenticationResult() == null ? null
                    : r.authenticationResult().idToken(), r.authenticationResult() == null ? null
                    : r.authenticationResult().accessToken());
        } catch (InvalidPasswordException weak) {
            return new Failed(Failure.WEAK_PASSWORD);
        } catch (CodeMismatchException wrong) {
            return new Failed(Failure.WRONG_CODE);
        } catch (NotAuthorizedException | ExpiredCodeException expired) {
            return new Failed(Failure.EXPIRED);
        } catch (TooManyRequestsException | TooManyFailedAttemptsException | LimitExceededException busy) {
            return new Failed(Failure.TOO_MANY_ATTEMPTS);
        }
    }

    private static SignIn answer(ChallengeNameType challenge, String session, String idToken, String accessToken) {
        if (challenge == ChallengeNameType.NEW_PASSWORD_REQUIRED) {
            return new NewPasswordRequired(session);
        }
        if (challenge == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            return new TotpRequired(session);
        }
        if (challenge != null && challenge != ChallengeNameType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalStateException("the identity service asked for an unsupported challenge: " + challenge);
        }
        if (idToken == null || accessToken == null) {
            throw new IllegalStateException("the identity service answered neither tokens nor a challenge");
        }
        return new SignedIn(new StaffId(claim(idToken, "sub")), accessToken);
    }

    /**
     * A claim of a token this process has just received from the identity service itself over TLS (so its signature
     * need not be checked here; tokens from a browser would be).
     */
    static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("not a JWT");
        }
        try {
            var node = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path(name);
            if (!node.isTextual()) {
                throw new IllegalStateException("the token has no " + name);
            }
            return node.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String startTotp(String accessToken) {
        return cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
    }

    @Override
    public boolean confirmTotp(String accessToken, String code) {
        try {
            var r = cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code)
                    .friendlyDeviceName("Tally back office"));
            if (r.status() != VerifySoftwareTokenResponseType.SUCCESS) {
                return false;
            }
        } catch (CodeMismatchException | EnableSoftwareTokenMfaException wrong) {
            return false;
        }
        cognito.setUserMFAPreference(b -> b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        return true;
    }

    @Override
    public void forgotPassword(String email) {
        try {
            cognito.forgotPassword(b -> b.clientId(clientId).username(email));
        } catch (UserNotFoundException | NotAuthorizedException | InvalidParameterException | LimitExceededException
                 | TooManyRequestsException quiet) {
            // the page says the same whatever happened, so nobody learns which e-mails are staff
        }
    }

    @Override
    public Optional<Failure> confirmForgotPassword(String email, String code, String newPassword) {
        try {
            cognito.confirmForgotPassword(b -> b.clientId(clientId).username(email).confirmationCode(code)
                    .password(newPassword));
            return Optional.empty();
        } catch (InvalidPasswordException weak) {
            return Optional.of(Failure.WEAK_PASSWORD);
        } catch (CodeMismatchException | UserNotFoundException | NotAuthorizedException wrong) {
            return Optional.of(Failure.WRONG_CODE);
        } catch (ExpiredCodeException expired) {
            return Optional.of(Failure.EXPIRED);
        } catch (LimitExceededException | TooManyRequestsException | TooManyFailedAttemptsException busy) {
            return Optional.of(Failure.TOO_MANY_ATTEMPTS);
        }
    }

    @Override
    public void disable(String email) {
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username(email));
    }

    @Override
    public void enable(String email) {
        cognito.adminEnableUser(b -> b.userPoolId(poolId).username(email));
    }
}
