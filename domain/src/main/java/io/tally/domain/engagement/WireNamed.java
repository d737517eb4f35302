package io.tally.domain.engagement;

import java.util.Arrays;
import java.util.Optional;

/** A value with the name the seed file, the wire and the pages use for it ({@code directMail}, {@code positive}). */
interface WireNamed {
    String wireName();

    /** The value of {@code values} named {@code text}, if any. */
    static <E extends WireNamed> Optional<E> find(E[] values, String text) {
        return Arrays.stream(values).filter(v -> v.wireName().equals(text)).findFirst();
    }
}
