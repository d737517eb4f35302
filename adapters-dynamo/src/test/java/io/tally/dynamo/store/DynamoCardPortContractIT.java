package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardPort;
import io.tally.domain.contract.CardPortContract;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.ContractData;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CardPort} contract against the DynamoDB adapter on dynalite (one table per class; fresh ids per test). */
@ExtendWith(DynaliteExtension.class)
class DynamoCardPortContractIT extends CardPortContract {
    private CardPort port;

    @BeforeEach
    void port(DynamoTestTable table) {
        port = new DynamoStorage(table.client(), table.tableName()).cards();
    }

    @Override
    protected CardPort port() {
        return port;
    }

    @Test
    void empty_customers_and_texts_round_trip() {
        Card card = Card.unallocated(ContractData.freshBrand(), ContractData.freshCard(), new ProgramId("p"), new CardSetId("s"));
        Card odd = card.withProfile(Optional.of("ü #1"), Optional.of(Customer.EMPTY), Optional.of(Customer.EMPTY),
                Map.of("blank", ""), Map.of("k", "ü"), Map.of(), Optional.empty());
        port.create(card);

        assertEquals(CardPort.WriteOutcome.WRITTEN, port.update(odd));
        assertEquals(odd, port.load(card.brand(), card.number()).orElseThrow());
        assertEquals(List.of(odd), port.search(card.brand(), new CardSearch.ByCustomCardNumber("ü #1"), 5));
    }
}
