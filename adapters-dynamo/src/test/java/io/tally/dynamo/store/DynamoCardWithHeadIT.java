package io.tally.dynamo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.contract.ContractData;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Access pattern A3 on dynalite: a card's profile and its ledger head come back from ONE request (the profile's sort
 * key sorts right after the entries), and the answer is exactly what the two separate reads give.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoCardWithHeadIT {
    private final List<String> requests = new ArrayList<>();
    private CardPort cards;
    private CardLedgerPort ledger;
    private CouponPort coupons;

    @BeforeEach
    void ports(DynamoTestTable table) {
        DynamoDbClient counting = (DynamoDbClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("serviceName") && !method.getName().equals("close")) {
                        requests.add(method.getName());
                    }
                    try {
                        return method.invoke(table.client(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DynamoStorage storage = new DynamoStorage(counting, table.tableName());
        cards = storage.cards();
        ledger = storage.cardLedger();
        coupons = storage.coupons();
    }

    @Test
    void profile_and_head_are_one_query_and_agree_with_the_separate_reads() {
        BrandId brand = ContractData.freshBrand();
        CardNumber number = ContractData.freshCard();
        Card card = Card.unallocated(brand, number, new ProgramId("p"), new CardSetId("s"));
        cards.create(card);

        requests.clear();
        assertEquals(Optional.of(new CardLedgerPort.CardWithHead(card, Optional.empty())), ledger.cardWithHead(cards, brand, number));
        assertEquals(List.of("query"), requests, "one request, a card without entries");

        List<LedgerEntry> chain = ContractData.chain(brand, number);
        chain.forEach(ledger::append);
        requests.clear();
        var both = ledger.cardWithHead(cards, brand, number).orElseThrow();
        assertEquals(List.of("query"), requests, "one request, a card with " + chain.size() + " entries");
        assertEquals(cards.load(brand, number).orElseThrow(), both.card());
        assertEquals(ledger.head(brand, number), both.head());
        assertEquals(chain.get(chain.size() - 1), both.head().orElseThrow());
    }

    @Test
    void another_brands_card_and_a_missing_card_are_absent() {
        BrandId brand = ContractData.freshBrand();
        CardNumber number = ContractData.freshCard();
        cards.create(Card.unallocated(brand, number, new ProgramId("p"), new CardSetId("s")));
        ContractData.chain(brand, number).forEach(ledger::append);

        assertTrue(ledger.cardWithHead(cards, ContractData.freshBrand(), number).isEmpty());
        assertTrue(ledger.cardWithHead(cards, brand, ContractData.freshCard()).isEmpty());
    }

    @Test
    void coupon_links_in_the_cards_partition_stay_out_of_the_profile_and_head_reads() {
        BrandId brand = ContractData.freshBrand();
        CardNumber number = ContractData.freshCard();
        Card card = Card.unallocated(brand, number, new ProgramId("p"), new CardSetId("s"));
        cards.create(card);
        for (String code : List.of("AAAA", "ZZZZ-9", "SEQZ")) {
            assertTrue(coupons.create(Coupon.fresh(brand, new CouponCode(code), new CouponSetId("c"), Set.of(number),
                    Set.of(), Optional.empty(), Optional.empty())));
        }

        requests.clear();
        assertEquals(Optional.of(new CardLedgerPort.CardWithHead(card, Optional.empty())), ledger.cardWithHead(cards, brand, number));
        assertEquals(List.of("query"), requests, "one request, a card with links and no entries");
        assertTrue(ledger.head(brand, number).isEmpty());

        List<LedgerEntry> chain = ContractData.chain(brand, number);
        chain.forEach(ledger::append);
        requests.clear();
        var both = ledger.cardWithHead(cards, brand, number).orElseThrow();
        assertEquals(List.of("query"), requests, "one request, a card with links and entries");
        assertEquals(card, both.card());
        assertEquals(Optional.of(chain.get(chain.size() - 1)), both.head());
        assertEquals(both.head(), ledger.head(brand, number));
        assertEquals(3, coupons.ofCard(brand, number).size());
    }
}
