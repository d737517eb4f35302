package io.tally.domain.fakes;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Programs, value types and card sets given by the test. */
public final class InMemoryPrograms implements LoadProgramsPort {
    private final List<Program> programs = new ArrayList<>();
    private final List<ValueType> valueTypes = new ArrayList<>();
    private final List<CardSet> cardSets = new ArrayList<>();

    public InMemoryPrograms add(Program p) {
        programs.add(p);
        return this;
    }

    public InMemoryPrograms add(ValueType v) {
        valueTypes.add(v);
        return this;
    }

    public InMemoryPrograms add(CardSet s) {
        cardSets.add(s);
        return this;
    }

    @Override
    public List<Program> programs(BrandId brand) {
        return programs.stream().filter(p -> p.brand().equals(brand)).toList();
    }

    @Override
    public List<ValueType> valueTypes(BrandId brand) {
        return valueTypes.stream().filter(v -> v.brand().equals(brand)).toList();
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        return cardSets.stream().filter(s -> s.brand().equals(brand) && s.id().equals(id)).findFirst();
    }
}
