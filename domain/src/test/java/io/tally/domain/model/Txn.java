package io.tally.domain.model;

import java.util.List;

/**
 * A transaction a merchant made, as much as a void needs of it: what it was, the lot an issuance created, the
 * amounts a redemption took from which lots, and whether it has been voided.
 */
final class Txn {
    enum Kind { ISSUE, REDEEM, HOLD, RELEASE, VOID, CHECKOUT, ADJUST }

    /** An amount a redemption took from one lot, to be given back to that same lot by a void. */
    record Slice(Lot lot, long amount) {
    }

    final Kind kind;
    final Lot lot;
    final List<Slice> slices;
    boolean voided;

    private Txn(Kind kind, Lot lot, List<Slice> slices) {
        this.kind = kind;
        this.lot = lot;
        this.slices = slices;
    }

    static Txn issue(Lot lot) {
        return new Txn(Kind.ISSUE, lot, List.of());
    }

    static Txn redemption(List<Slice> slices) {
        return new Txn(Kind.REDEEM, null, List.copyOf(slices));
    }

    static Txn other(Kind kind) {
        return new Txn(kind, null, List.of());
    }
}
