package io.tally.domain.enrollment;

import io.tally.domain.card.AllocationCheckpoint;
import io.tally.domain.member.EnrollmentRecord;
import java.util.Optional;

/**
 * The allocation checkpoint of an enrollment, kept in its e-mail's claim: a choice is recorded there (numbered, so
 * that of two attempts choosing at once only one records; the PIN sealed) and the enrollment's phone is claimed for
 * the chosen card, both before the card is written. A retry finds the choice and finishes the same card, same PIN.
 * One per attempt; not thread-safe.
 */
final class EnrollmentCheckpoint implements AllocationCheckpoint {
    private final EnrollmentSteps steps;
    private EnrollmentRecord current;

    EnrollmentCheckpoint(EnrollmentRecord record, EnrollmentSteps steps) {
        this.current = record;
        this.steps = steps;
    }

    @Override
    public Optional<Choice> previous() {
        return current.card().map(card -> new Choice(card, steps.pin(current).orElseThrow(), current.pin().orElseThrow().hash()));
    }

    /** Throws {@code Outdated} if another attempt recorded a choice first, {@code PhoneTaken} if the phone is another's. */
    @Override
    public void record(Choice choice) {
        current = steps.choose(current, choice.card(), choice.pin(), choice.pinHash());
        steps.claimPhone(current);
    }

    /** The record as of the last choice this attempt made or resumed. */
    EnrollmentRecord current() {
        return current;
    }
}
