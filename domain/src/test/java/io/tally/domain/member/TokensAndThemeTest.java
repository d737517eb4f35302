package io.tally.domain.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.portal.Theme;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signed tokens resist tampering, reuse for another purpose or brand, and age; themes keep their contrast. */
class TokensAndThemeTest {
    private final SignedTokens tokens = SignedTokens.fromText("0123456789abcdef0123456789abcdef-test");
    private final Instant now = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void a_token_verifies_only_intact_for_its_purpose_and_before_expiry() {
        String token = tokens.sign("preferences", "DEMO|ada@example.com", now.plusSeconds(60));
        assertEquals(Optional.of("DEMO|ada@example.com"), tokens.verify("preferences", token, now));
        assertTrue(tokens.verify("referral", token, now).isEmpty(), "another purpose");
        assertTrue(tokens.verify("preferences", token, now.plusSeconds(61)).isEmpty(), "expired");
        String tampered = "X" + token.substring(1);
        assertTrue(tokens.verify("preferences", tampered, now).isEmpty(), "tampered");
        assertTrue(tokens.verify("preferences", "garbage", now).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SignedTokens.fromText("too short"));
    }

    @Test
    void preference_links_are_bound_to_their_brand() {
        LinkTokens links = new LinkTokens(tokens);
        String token = links.preferences(new BrandId("DEMO"), "Ada@Example.com", now);
        assertEquals(Optional.of(ContactKey.email("ada@example.com")), links.verifyPreferences(new BrandId("DEMO"), token, now));
        assertTrue(links.verifyPreferences(new BrandId("OTHER"), token, now).isEmpty());
    }

    @Test
    void a_challenge_is_solved_only_with_its_answer_in_its_session() {
        Challenges challenges = new Challenges(tokens, new SeededRandom(5), Clock.fixed(now, ZoneOffset.UTC));
        Challenges.Challenge c = challenges.issue("session-a");
        String[] numbers = c.question().replaceAll("[^0-9 ]", "").trim().split("\\s+");
        String answer = Integer.toString(Integer.parseInt(numbers[0]) + Integer.parseInt(numbers[1]));
        assertTrue(challenges.solved("session-a", Optional.of(c.token()), Optional.of(answer)));
        assertTrue(!challenges.solved("session-b", Optional.of(c.token()), Optional.of(answer)));
        assertTrue(!challenges.solved("session-a", Optional.of(c.token()), Optional.of(answer + "1")));
    }

    @Test
    void themes_without_enough_contrast_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Theme("#ffff00", "#ffffff", "#ffffff", "#000000"));
        assertThrows(IllegalArgumentException.class, () -> new Theme("#1f4e79", "#ffffff", "#ffffff", "#cccccc"));
        assertTrue(Theme.contrast("#000000", "#ffffff") > 20);
    }
}
