package io.tally.domain.member;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Pins;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer proves they hold a card with its number and PIN (balance check, refer a friend). Built to resist
 * enumeration: an unknown number, an inactive card and a wrong PIN give the same {@link Access.Denied}; attempts
 * are counted per submitted number in its canonical form ({@link CardNumber#canonical}, so no spelling of a number
 * has a counter of its own; known or not, so a lockout reveals nothing) and lock it for the rest of the window;
 * every attempt counts against the client's rate limit; and a client with several failures must solve a challenge
 * first. An unknown number still costs one PIN hash, so timing tells nothing either.
 */
public final class VerifyCardUseCase {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int MAX_WRONG_PINS_PER_CARD = 5;
    public static final int MAX_ATTEMPTS_PER_CLIENT = 20;
    public static final int CHALLENGE_AFTER_FAILURES = 3;
    /** Longest PIN text checked; PINs are 4-12 digits, so anything longer is wrong without hashing it. */
    private static final int MAX_PIN_TEXT = 32;

    private final CardPort cards;
    private final CardQueriesUseCase queries;
    private final AttemptCounterPort counters;
    private final Clock clock;

    public VerifyCardUseCase(CardPort cards, CardQueriesUseCase queries, AttemptCounterPort counters, Clock clock) {
        this.cards = cards;
        this.queries = queries;
        this.counters = counters;
        this.clock = clock;
    }

    /** {@code client}: an opaque, stable identifier of the caller (a keyed hash of its address). */
    public record VerifyCommand(BrandId brand, String cardNumber, String pin, String client, boolean challengeSolved) {
        public VerifyCommand {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(client, "client");
            cardNumber = cardNumber == null ? "" : cardNumber;
            pin = pin == null ? "" : pin;
        }

        @Override
        public String toString() {
            return "VerifyCommand[" + brand + "]";
        }
    }

    public sealed interface Access {
        record Granted(CardView card) implements Access {
        }

        /**
         * Unknown card, inactive card or wrong PIN, deliberately indistinguishable; the number has attempts left in
         * the window.
         */
        record Denied() implements Access {
        }

        /**
         * The number is locked for the rest of the window: either this was its last allowed attempt (the
         * {@value VerifyCardUseCase#MAX_WRONG_PINS_PER_CARD}th) and failed like a {@link Denied}, or it came after
         * that and its PIN was not looked at. Unknown numbers lock out alike.
         */
        record LockedOut() implements Access {
        }

        /** Too many attempts from this client in the window. */
        record RateLimited() implements Access {
        }

        /** This client must solve a challenge before another attempt is looked at. */
        record ChallengeRequired() implements Access {
        }
    }

    /** Whether the client should be shown a challenge with the form. */
    public boolean suspicious(BrandId brand, String client) {
        return counters.count(failuresOf(brand, client), window()) >= CHALLENGE_AFTER_FAILURES;
    }

    /**
     * The number's attempt is counted before anything is looked at, by one atomic increment, so parallel guesses
     * cannot all read a count below the limit: attempt n > {@value #MAX_WRONG_PINS_PER_CARD} is LockedOut unseen.
     * A right PIN within the limit clears the count.
     */
    public Access verify(VerifyCommand c) {
        Instant window = window();
        Instant expires = window.plus(WINDOW).plus(WINDOW);
        if (counters.increment(attemptsOf(c.brand(), c.client()), window, expires) > MAX_ATTEMPTS_PER_CLIENT) {
            return new Access.RateLimited();
        }
        if (suspicious(c.brand(), c.client()) && !c.challengeSolved()) {
            return new Access.ChallengeRequired();
        }
        String pinCounter = WrongPinCounter.of(c.brand(), c.cardNumber());
        long attempt = counters.increment(pinCounter, window, expires);
        if (attempt > MAX_WRONG_PINS_PER_CARD) {
            counters.increment(failuresOf(c.brand(), c.client()), window, expires);
            return new Access.LockedOut();
        }
        Optional<Card> card = activeWithPin(c);
        if (card.isEmpty() || !Pins.matches(card.get(), c.pin())) {
            counters.increment(failuresOf(c.brand(), c.client()), window, expires);
            return attempt == MAX_WRONG_PINS_PER_CARD ? new Access.LockedOut() : new Access.Denied();
        }
        counters.reset(pinCounter, window);
        var view = queries.lookup(c.brand(), card.get().number(), Optional.empty());
        return view.isAccepted() ? new Access.Granted(view.value()) : new Access.Denied();
    }

    /**
     * The card whose PIN is to be checked, or empty after burning the time of one PIN hash (unknown number,
     * inactive card, card without a PIN), so timing does not tell them apart. A PIN longer than
     * {@value #MAX_PIN_TEXT} characters cannot be right and costs no hash at all, whatever the card.
     */
    private Optional<Card> activeWithPin(VerifyCommand c) {
        if (c.pin().length() > MAX_PIN_TEXT) {
            return Optional.empty();
        }
        Outcome<CardNumber> number = CardNumber.parse(c.cardNumber());
        Optional<Card> card = number.isAccepted() ? cards.load(c.brand(), number.value()) : Optional.empty();
        if (card.isPresent() && card.get().status() == CardStatus.ACTIVE && card.get().pinHash().isPresent()) {
            return card;
        }
        DummyPin.burn(c.pin());
        return Optional.empty();
    }

    private Instant window() {
        long seconds = WINDOW.getSeconds();
        return Instant.ofEpochSecond(clock.instant().getEpochSecond() / seconds * seconds);
    }

    private static String attemptsOf(BrandId brand, String client) {
        return "client#" + brand.value() + "#" + client;
    }

    private static String failuresOf(BrandId brand, String client) {
        return "clientfail#" + brand.value() + "#" + client;
    }

    /** A PIN hash compared against nothing, so an unknown card costs as much time as a known one. */
    private static final class DummyPin {
        private static final String HASH = SecretHasher.hashPin("0000", new byte[16]);

        static void burn(String pin) {
            SecretHasher.matches(pin, HASH);
        }
    }
}
