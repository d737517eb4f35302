package io.tally.domain.card;

/** Where a card is in its life: printed or minted but not handed out, in use, or switched off. */
public enum CardStatus {
    UNALLOCATED, ACTIVE, INACTIVE
}
