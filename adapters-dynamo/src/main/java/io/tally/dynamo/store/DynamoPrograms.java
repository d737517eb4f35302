package io.tally.dynamo.store;

import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A brand's catalogue: programs and value types come back from one query on the brand partition. That query stays
 * on the low-level client because it returns items of two types, and the enhanced client maps a query's results
 * with one schema; each item is mapped with its own type's schema instead.
 */
final class DynamoPrograms implements LoadProgramsPort {
    private final Table table;
    private final DynamoDbTable<CardSet> cardSets;

    DynamoPrograms(Table table) {
        this.table = table;
        this.cardSets = table.of(ConfigItems.CARD_SET);
    }

    @Override
    public Catalogue catalogue(BrandId brand) {
        List<Program> programs = new ArrayList<>();
        List<ValueType> valueTypes = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.queryPrefix(Keys.brand(brand.value()), Keys.PROGRAM_PREFIX)) {
            String type = Attr.str(item, "type");
            if (ConfigItems.PROGRAM_TYPE.equals(type)) {
                programs.add(ConfigItems.PROGRAM.mapToItem(item));
            } else if (ConfigItems.VALUE_TYPE_TYPE.equals(type)) {
                valueTypes.add(ConfigItems.VALUE_TYPE.mapToItem(item));
            }
        }
        return new Catalogue(programs, valueTypes);
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        return table.get(cardSets, Keys.brand(brand.value()), Keys.cardSetSk(id.value()), false);
    }
}
