package io.tally.dynamo.store;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A brand's catalogue: programs and value types come back from one query on the brand partition. */
final class DynamoPrograms implements LoadProgramsPort {
    private final Table table;

    DynamoPrograms(Table table) {
        this.table = table;
    }

    @Override
    public Catalogue catalogue(BrandId brand) {
        List<Map<String, AttributeValue>> items = table.queryPrefix(Keys.brand(brand.value()), Keys.PROGRAM_PREFIX);
        List<Program> programs = items.stream().filter(i -> "Program".equals(Attr.str(i, "type")))
                .map(ConfigItems::program).toList();
        List<ValueType> valueTypes = items.stream().filter(i -> "ValueType".equals(Attr.str(i, "type")))
                .map(ConfigItems::valueType).toList();
        return new Catalogue(programs, valueTypes);
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        return table.get(Keys.brand(brand.value()), Keys.cardSetSk(id.value()), false).map(ConfigItems::cardSet);
    }
}
