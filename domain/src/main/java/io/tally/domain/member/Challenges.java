package io.tally.domain.member;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A small arithmetic question for clients that look automated. Stateless: the answer travels in a signed,
 * short-lived token bound to the client's session, so no outside service and no storage are needed. It does
 * not stop a determined bot; with the rate limit and the lockout it makes guessing slow and visible.
 */
public final class Challenges {
    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final String PURPOSE = "challenge";
    private final SignedTokens tokens;
    private final RandomSource random;
    private final Clock clock;

    public Challenges(SignedTokens tokens, RandomSource random, Clock clock) {
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
    }

    /** What the page shows, and the token it posts back with the answer. */
    public record Challenge(String question, String token) {
    }

    public Challenge issue(String session) {
        int a = 2 + random.nextInt(18);
        int b = 2 + random.nextInt(9);
        String token = tokens.sign(PURPOSE, session + "|" + (a + b), clock.instant().plus(VALIDITY));
        return new Challenge("What is " + a + " plus " + b + "?", token);
    }

    public boolean solved(String session, Optional<String> token, Optional<String> answer) {
        if (token.isEmpty() || answer.isEmpty()) {
            return false;
        }
        return tokens.verify(PURPOSE, token.get(), clock.instant())
                .map(payload -> payload.equals(session + "|" + answer.get().strip()))
                .orElse(false);
    }
}
