package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lists the value types of a brand's programs, so an integration knows which balances it may move. */
public final class ListValueTypesUseCase {
    private final LoadProgramsPort programs;

    public ListValueTypesUseCase(LoadProgramsPort programs) {
        this.programs = programs;
    }

    public List<Listed> list(BrandId brand) {
        LoadProgramsPort.Catalogue catalogue = programs.catalogue(brand);
        Map<ProgramId, Program> byId = catalogue.programs().stream()
                .collect(Collectors.toMap(Program::id, Function.identity()));
        return catalogue.valueTypes().stream()
                .filter(v -> byId.containsKey(v.program()))
                .map(v -> new Listed(byId.get(v.program()), v))
                .sorted(Comparator.comparing((Listed l) -> l.program().id().value())
                        .thenComparing(l -> l.valueType().key().asText()))
                .toList();
    }

    /** A value type with the program it belongs to. */
    public record Listed(Program program, ValueType valueType) {
    }
}
