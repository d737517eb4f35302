package io.tally.domain.card;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands a card out: a specific pool card (a physical card swiped at the till) or any card of a card set's
 * pool. The card becomes ACTIVE with a fresh PIN, which is returned here once and stored only as a hash.
 * When a card set's pool is empty, {@link WhenPoolEmpty} says whether to mint a new (virtual) card.
 */
public final class AllocateCardUseCase {
    /** Pool reads per request: the pool index is eventually consistent, so a few tries absorb staleness. */
    static final int POOL_ROUNDS = 3;
    static final int POOL_PAGE = 10;
    /** Fresh numbers to try when minting; a collision needs ~10^12 cards, so more than one try is already rare. */
    static final int MINT_ATTEMPTS = 5;

    private final CardPort cards;
    private final LoadProgramsPort programs;
    private final RandomSource random;
    private final Clock clock;
    private final WhenPoolEmpty whenPoolEmpty;
    private final CardNumberGenerator numbers;

    public AllocateCardUseCase(CardPort cards, LoadProgramsPort programs, RandomSource random, Clock clock,
                               WhenPoolEmpty whenPoolEmpty) {
        this.cards = cards;
        this.programs = programs;
        this.random = random;
        this.clock = clock;
        this.whenPoolEmpty = whenPoolEmpty;
        this.numbers = new CardNumberGenerator(random);
    }

    public enum WhenPoolEmpty {
        /** Answer CARD_SET_EXHAUSTED: the card set stands for printed stock. */
        REJECT,
        /** Mint a new card number in the card set: virtual cards for e-commerce and enrollment flows. */
        MINT
    }

    /**
     * Exactly one of {@code cardSet} and {@code cardNumber}. {@code checkpoint}: present when the allocation must
     * happen once across retries (see {@link AllocationCheckpoint}). {@code holder}: the customer the card goes to,
     * stored in the same write as the activation, so the card is never active without them (an enrollment).
     * {@code handedOutAt}: the location handing the card out, which becomes its owning location in the same write
     * unless the card already has one (so it is set exactly once, and a retry writes the same).
     */
    public record AllocateCardCommand(BrandId brand, Optional<CardSetId> cardSet, Optional<CardNumber> cardNumber,
                                      Optional<AllocationCheckpoint> checkpoint, Optional<Customer> holder,
                                      Optional<LocationId> handedOutAt) {
        public AllocateCardCommand {
            Objects.requireNonNull(handedOutAt, "handedOutAt");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(cardSet, "cardSet");
            Objects.requireNonNull(cardNumber, "cardNumber");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(holder, "holder");
        }

        public AllocateCardCommand(BrandId brand, Optional<CardSetId> cardSet, Optional<CardNumber> cardNumber,
                                   Optional<AllocationCheckpoint> checkpoint, Optional<Customer> holder) {
            this(brand, cardSet, cardNumber, checkpoint, holder, Optional.empty());
        }

        public AllocateCardCommand(BrandId brand, Optional<CardSetId> cardSet, Optional<CardNumber> cardNumber,
                                   Optional<AllocationCheckpoint> checkpoint) {
            this(brand, cardSet, cardNumber, checkpoint, Optional.empty());
        }

        public AllocateCardCommand(BrandId brand, Optional<CardSetId> cardSet, Optional<CardNumber> cardNumber) {
            this(brand, cardSet, cardNumber, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The allocated card and its PIN in clear text: show it to the customer now, it cannot be read back. */
    public record AllocatedCard(Card card, String pin) {
        @Override
        public String toString() {
            return "AllocatedCard[" + card.number() + ", pin=****]";
        }
    }

    public Outcome<AllocatedCard> allocate(AllocateCardCommand command) {
        if (command.cardSet().isPresent() == command.cardNumber().isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "give either cardSetId or cardNumber");
        }
        Optional<AllocationCheckpoint.Choice> previous = command.checkpoint().flatMap(AllocationCheckpoint::previous);
        if (previous.isPresent()) {
            Optional<AllocatedCard> resumed = resume(command, previous.get());
            if (resumed.isPresent()) {
                return Outcome.accepted(resumed.get());
            }
        }
        if (command.cardNumber().isPresent()) {
            return allocateSpecific(command, command.cardNumber().get());
        }
        return allocateFromPool(command, command.cardSet().get());
    }

    /**
     * Finishes what an earlier attempt chose: the card already has the chosen PIN (the attempt, or another retry of
     * it, got as far as the write), or is still free to get it (it did not); empty when someone else has the card.
     */
    private Optional<AllocatedCard> resume(AllocateCardCommand command, AllocationCheckpoint.Choice choice) {
        if (!command.cardNumber().map(choice.card()::equals).orElse(true)) {
            return Optional.empty();
        }
        Optional<Card> card = cards.load(command.brand(), choice.card());
        if (card.isPresent() && card.get().pinHash().equals(Optional.of(choice.pinHash()))) {
            return Optional.of(new AllocatedCard(card.get(), choice.pin()));
        }
        if (card.isPresent() && card.get().status() == CardStatus.UNALLOCATED
                && command.cardSet().map(card.get().cardSet()::equals).orElse(true)) {
            Card activated = card.get().activated(choice.pinHash(), now(), command.holder(), command.handedOutAt());
            return written(activated, cards.allocate(activated), choice.pin(), true);
        }
        if (card.isEmpty() && command.cardSet().isPresent() && whenPoolEmpty == WhenPoolEmpty.MINT) {
            Optional<CardSet> set = programs.cardSet(command.brand(), command.cardSet().get());
            if (set.isPresent()) {
                Card minted = Card.unallocated(set.get().brand(), choice.card(), set.get().program(), set.get().id())
                        .activated(choice.pinHash(), now(), command.holder(), command.handedOutAt());
                return written(minted, cards.create(minted), choice.pin(), true);
            }
        }
        return Optional.empty();
    }

    /**
     * The allocation, if the write made it; or if the write was refused because another attempt finishing the same
     * recorded choice wrote the card first (it then carries this choice's PIN hash, which is salted and so unique to
     * the choice). Only with a checkpoint can two attempts share a choice; without one a refusal is simply lost.
     */
    private Optional<AllocatedCard> written(Card intended, CardPort.WriteOutcome outcome, String pin, boolean shared) {
        if (outcome == CardPort.WriteOutcome.WRITTEN) {
            return Optional.of(new AllocatedCard(intended, pin));
        }
        if (!shared) {
            return Optional.empty();
        }
        return cards.load(intended.brand(), intended.number()).filter(c -> c.pinHash().equals(intended.pinHash()))
                .map(c -> new AllocatedCard(c, pin));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Outcome<AllocatedCard> allocateSpecific(AllocateCardCommand command, CardNumber number) {
        BrandId brand = command.brand();
        Optional<Card> card = cards.load(brand, number);
        if (card.isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        if (card.get().status() != CardStatus.UNALLOCATED) {
            return Outcome.rejected(Reason.CARD_ALREADY_ALLOCATED, "the card is already allocated");
        }
        return tryAllocate(card.get(), command).<Outcome<AllocatedCard>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.CARD_ALREADY_ALLOCATED, "the card is already allocated"));
    }

    private Outcome<AllocatedCard> allocateFromPool(AllocateCardCommand command, CardSetId setId) {
        BrandId brand = command.brand();
        Optional<CardSet> set = programs.cardSet(brand, setId);
        if (set.isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_CARD_SET, "no card set " + setId);
        }
        for (int round = 0; round < POOL_ROUNDS; round++) {
            List<Card> candidates = new ArrayList<>(cards.unallocated(brand, setId, POOL_PAGE));
            if (candidates.isEmpty()) {
                break;
            }
            // Start at a random candidate so that concurrent requests spread over the pool instead of racing for one card.
            int start = random.nextInt(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                Optional<AllocatedCard> won = tryAllocate(candidates.get((start + i) % candidates.size()), command);
                if (won.isPresent()) {
                    return Outcome.accepted(won.get());
                }
            }
        }
        if (whenPoolEmpty == WhenPoolEmpty.MINT) {
            return mint(set.get(), command);
        }
        return Outcome.rejected(Reason.CARD_SET_EXHAUSTED, "no unallocated cards left in card set " + setId);
    }

    private Optional<AllocatedCard> tryAllocate(Card card, AllocateCardCommand command) {
        if (card.status() != CardStatus.UNALLOCATED) {
            return Optional.empty();
        }
        String pin = Pins.generate(random, Pins.DEFAULT_DIGITS);
        Card activated = card.activated(Pins.hash(pin, random), now(), command.holder(), command.handedOutAt());
        command.checkpoint().ifPresent(c -> c.record(new AllocationCheckpoint.Choice(card.number(), pin, activated.pinHash().orElseThrow())));
        return written(activated, cards.allocate(activated), pin, command.checkpoint().isPresent());
    }

    private Outcome<AllocatedCard> mint(CardSet set, AllocateCardCommand command) {
        for (int attempt = 0; attempt < MINT_ATTEMPTS; attempt++) {
            String pin = Pins.generate(random, Pins.DEFAULT_DIGITS);
            Card card = Card.unallocated(set.brand(), numbers.next(set), set.program(), set.id())
                    .activated(Pins.hash(pin, random), now(), command.holder(), command.handedOutAt());
            command.checkpoint().ifPresent(c -> c.record(new AllocationCheckpoint.Choice(card.number(), pin, card.pinHash().orElseThrow())));
            Optional<AllocatedCard> won = written(card, cards.create(card), pin, command.checkpoint().isPresent());
            if (won.isPresent()) {
                return Outcome.accepted(won.get());
            }
        }
        throw new IllegalStateException("card set " + set.id() + " gave " + MINT_ATTEMPTS + " taken numbers in a row");
    }
}
