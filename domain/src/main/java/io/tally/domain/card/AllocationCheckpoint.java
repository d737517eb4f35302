package io.tally.domain.card;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an allocation that must happen exactly once (a request with a customRequestId, an enrollment) records what it
 * has chosen before the write it cannot take back, and where a retry of it finds that choice: the retry then finishes
 * the same allocation (the same card, the same PIN) instead of handing out another. Two attempts may finish one choice
 * at the same time (a retry while the first still runs): the card's conditional write lets one of them write it, and
 * the other recognises the card by the choice's PIN hash. The caller keeps the choice sealed at rest: it holds a PIN.
 */
public interface AllocationCheckpoint {
    /** What an earlier attempt chose, if it got that far. */
    Optional<Choice> previous();

    /** Records the choice before the card is written; throws if the attempt has lost the right to go on. */
    void record(Choice choice);

    /** A card, the PIN it gets, and that PIN's salted hash (so the stored card shows whose allocation it was). */
    record Choice(CardNumber card, String pin, String pinHash) {
        public Choice {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(pinHash, "pinHash");
        }

        @Override
        public String toString() {
            return "Choice[" + card + ", pin=****]";
        }
    }
}
