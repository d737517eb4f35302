package io.tally.backoffice.pages;

import io.tally.domain.shared.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries an identity-service challenge (whose e-mail, and the service's opaque session) from one sign-in form to the
 * next in a signed hidden field, valid for a few minutes (Cognito's own sessions last 3): nothing kept on the server.
 */
public final class ChallengeTokens {
    static final Duration VALID_FOR = Duration.ofMinutes(5);
    private final SignedTokens tokens;
    private final Clock clock;

    public ChallengeTokens(SignedTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record Challenge(String email, String session) {
    }

    String issue(String kind, String email, String session) {
        return tokens.sign("office-challenge-" + kind, email + "\n" + session, clock.instant().plus(VALID_FOR));
    }

    Optional<Challenge> open(String kind, String token) {
        return tokens.verify("office-challenge-" + kind, token, clock.instant()).flatMap(payload -> {
            int nl = payload.indexOf('\n');
            return nl <= 0 ? Optional.empty() : Optional.of(new Challenge(payload.substring(0, nl), payload.substring(nl + 1)));
        });
    }
}
