package io.tally.domain.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's coupons as the spec (issue 11, docs/API.md errors 34 and 37) states them: a SPRING coupon is used by the
 * checkout that used it while that checkout stands (not voided); an open setup that presented it reserves it until the
 * setup lapses; a checkout that died after claiming it and was never retried holds it for the claim's lease. Reward
 * coupons are counted per card ({@link CheckoutModel#awards}).
 */
public final class CouponsModel {
    /** The SPRING coupons a check presents, by index. */
    public static final int SPRING_COUPONS = 3;

    private final List<String> codes = new ArrayList<>();
    private final Map<String, State> states = new LinkedHashMap<>();

    private static final class State {
        Optional<String> usedBy = Optional.empty();
        Optional<String> reservedBy = Optional.empty();
        Instant busyUntil = Instant.MIN;
    }

    void add(String code) {
        codes.add(code);
        states.put(code, new State());
    }

    public List<String> codes() {
        return List.copyOf(codes);
    }

    String code(int index) {
        return codes.get(index % codes.size());
    }

    /** Used (34) before held by another checkout (37), as the checkout checks them: presented first, then claimed. */
    Optional<Refusal> presentable(String code, Instant now) {
        State s = states.get(code);
        if (s.usedBy.isPresent()) {
            return Optional.of(Refusal.COUPON_USED);
        }
        if (now.isBefore(s.busyUntil)) {
            return Optional.of(Refusal.COUPON_IN_USE);
        }
        return Optional.empty();
    }

    void use(String code, String checkout) {
        State s = states.get(code);
        s.usedBy = Optional.of(checkout);
        s.reservedBy = Optional.empty();
        s.busyUntil = Instant.MIN;
    }

    /** A setup's reservation: until the setup lapses, unless completed or voided before. */
    void reserve(String code, String setup, Instant until) {
        State s = states.get(code);
        s.reservedBy = Optional.of(setup);
        s.busyUntil = until;
    }

    /** The setup was voided: its reservation ends now. */
    void unreserve(String code, String setup) {
        State s = states.get(code);
        if (s.reservedBy.filter(setup::equals).isPresent()) {
            s.reservedBy = Optional.empty();
            s.busyUntil = Instant.MIN;
        }
    }

    /** A checkout that died after claiming the coupon and was never retried: its claim lasts until {@code until}. */
    void leased(String code, Instant until) {
        State s = states.get(code);
        if (until.isAfter(s.busyUntil)) {
            s.busyUntil = until;
        }
    }

    /** The checkout that used it was voided: unused again. */
    void giveBack(String code) {
        states.get(code).usedBy = Optional.empty();
    }

    public Optional<String> usedBy(String code) {
        return states.get(code).usedBy;
    }
}
