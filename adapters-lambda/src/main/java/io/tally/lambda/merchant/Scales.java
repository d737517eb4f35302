package io.tally.lambda.merchant;

import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How many decimals each value type of one card's program has, for turning minor units back into wire decimals.
 * {@code programKeys} are the program's value types, so that answers can list balances never touched (as 0).
 */
record Scales(Map<ValueTypeKey, Integer> scales, List<ValueTypeKey> programKeys) {
    Scales {
        scales = Map.copyOf(scales);
        programKeys = List.copyOf(programKeys);
    }

    static Scales forProgram(LoadProgramsPort.Catalogue catalogue, ProgramId program) {
        List<ValueType> types = catalogue.valueTypes().stream().filter(v -> v.program().equals(program)).toList();
        return new Scales(types.stream().collect(Collectors.toMap(ValueType::key, ValueType::scale, (a, b) -> a)),
                types.stream().map(ValueType::key).toList());
    }

    /** The one program that has all the keys; failing that, any value type with the key (never a wrong unit in practice). */
    static Scales forKeys(LoadProgramsPort.Catalogue catalogue, Collection<ValueTypeKey> keys) {
        Map<ProgramId, List<ValueType>> byProgram = catalogue.valueTypes().stream()
                .collect(Collectors.groupingBy(ValueType::program, LinkedHashMap::new, Collectors.toList()));
        List<ProgramId> holding = byProgram.entrySet().stream()
                .filter(e -> e.getValue().stream().map(ValueType::key).toList().containsAll(keys))
                .map(Map.Entry::getKey).toList();
        if (holding.size() == 1) {
            return forProgram(catalogue, holding.get(0));
        }
        return new Scales(catalogue.valueTypes().stream().collect(Collectors.toMap(ValueType::key, ValueType::scale, (a, b) -> a)),
                List.of());
    }

    int of(ValueTypeKey key) {
        return Optional.ofNullable(scales.get(key)).orElseGet(key::defaultScale);
    }

    BigDecimal decimal(ValueTypeKey key, long minor) {
        return io.tally.domain.shared.DecimalAmounts.toDecimal(minor, of(key));
    }
}
