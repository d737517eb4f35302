package io.tally.domain.report;

import io.tally.domain.program.LoadProgramsPort.Catalogue;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The scale each value type is shown in, and the conversion of a cell's minor units into it. Value types belong to
 * programs, and two programs may give the same key different scales (Points with 0 and with 2 decimals): a line that
 * adds both up takes the larger scale and converts the other's minor units exactly, so no amount is misread by a
 * factor of ten.
 */
final class Scales {
    private final Map<String, Integer> byProgram = new HashMap<>();
    private final Map<String, Integer> shown = new HashMap<>();

    Scales(Catalogue catalogue) {
        for (ValueType v : catalogue.valueTypes()) {
            byProgram.put(v.program().value() + "|" + v.key().asText(), v.scale());
            shown.merge(v.key().asText(), v.scale(), Math::max);
        }
    }

    /** The scale a line of this value type is shown in. */
    int of(String valueType) {
        return shown.computeIfAbsent(valueType, Scales::fallback);
    }

    Flow convert(String program, String valueType, Flow flow) {
        long factor = factor(program, valueType);
        return factor == 1 ? flow : new Flow(Math.multiplyExact(flow.credit(), factor),
                Math.multiplyExact(flow.debit(), factor), flow.count());
    }

    long convert(String program, String valueType, long minor) {
        return Math.multiplyExact(minor, factor(program, valueType));
    }

    private long factor(String program, String valueType) {
        if (valueType.isEmpty()) {
            return 1;
        }
        int target = of(valueType);
        int own = byProgram.getOrDefault(program + "|" + valueType, target);
        long factor = 1;
        for (int i = own; i < target; i++) {
            factor *= 10;
        }
        return factor;
    }

    /** A value type no program defines any more (removed since): its key's usual scale. */
    private static int fallback(String valueType) {
        if (valueType.isEmpty()) {
            return 0;
        }
        try {
            return ValueTypeKey.parseText(valueType).defaultScale();
        } catch (IllegalArgumentException unreadable) {
            return 0;
        }
    }
}
