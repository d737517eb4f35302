package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardPort.NumberRange;
import io.tally.domain.card.CardPort.WriteOutcome;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@link CardPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CardPortContract {
    protected abstract CardPort port();

    /** How long the pool and search indexes may lag in this implementation. */
    protected Duration indexLag() {
        return Duration.ofSeconds(5);
    }

    private final BrandId brand = ContractData.freshBrand();
    private final CardSetId set = new CardSetId("set-a");
    private final ProgramId program = new ProgramId("gift");

    private Card stored() {
        Card card = Card.unallocated(brand, ContractData.freshCard(), program, set);
        assertEquals(WriteOutcome.WRITTEN, port().create(card));
        return card;
    }

    private static Card full(Card c) {
        Customer ada = new Customer("Ada", "Lovelace", "Ada@Example.com", "+44 20 7946 0018", "1 Street", "Flat 2", "London",
                "LDN", "W1", "GB", LocalDate.of(1815, 12, 10), "f");
        return c.activated("pbkdf2$20000$c2FsdA$aGFzaA", Instant.parse("2025-03-01T10:00:00.123Z"))
                .withProfile(Optional.of("CUST-" + c.number().lastFour()), Optional.of(ada),
                        Optional.of(Customer.EMPTY.mergedWith(new Customer("Bob", null, null, null, null, null, null, null, null, null, null, null))),
                        Map.of("favourite", "tea"), Map.of("size", "M", "note", "ü"), Map.of("twitter", "@ada"),
                        Optional.of(Instant.parse("2025-03-02T00:00:00Z")));
    }

    @Test
    void a_created_card_reads_back_exactly_and_its_number_cannot_be_taken_twice() {
        Card card = stored();

        assertEquals(card, port().load(brand, card.number()).orElseThrow());
        assertEquals(WriteOutcome.CONDITION_FAILED, port().create(card));
        assertTrue(port().load(ContractData.freshBrand(), card.number()).isEmpty(), "another brand sees nothing");
    }

    @Test
    void a_card_number_is_unique_across_brands_and_invisible_to_the_others() {
        Card mine = stored();
        BrandId other = ContractData.freshBrand();
        Card theirs = Card.unallocated(other, mine.number(), program, set);

        assertEquals(WriteOutcome.CONDITION_FAILED, port().create(theirs), "a number is never reused, not even by another brand");
        assertTrue(port().load(other, mine.number()).isEmpty());
        assertEquals(WriteOutcome.NOT_FOUND, port().allocate(theirs.activated("x", Instant.EPOCH)));
        assertEquals(WriteOutcome.NOT_FOUND, port().update(full(theirs)));
        assertEquals(mine, port().load(brand, mine.number()).orElseThrow(), "the owner's card is untouched");
    }

    @Test
    void a_card_set_counts_its_cards_allocated_or_not() {
        Card a = stored();
        stored();
        port().allocate(a.activated("x", Instant.EPOCH));
        port().create(Card.unallocated(brand, ContractData.freshCard(), program, new CardSetId("other-set")));
        BrandId other = ContractData.freshBrand();
        port().create(Card.unallocated(other, ContractData.freshCard(), program, set));

        assertEquals(2L, eventually(() -> port().countInCardSet(brand, set), n -> n == 2));
        assertEquals(1L, eventually(() -> port().countInCardSet(other, set), n -> n == 1));
        assertEquals(0L, port().countInCardSet(ContractData.freshBrand(), set));
    }

    @Test
    void allocation_happens_once() {
        Card card = stored();
        Card activated = card.activated("pbkdf2$1$a$b", Instant.parse("2025-03-01T10:00:00Z"));

        assertEquals(WriteOutcome.WRITTEN, port().allocate(activated));
        assertEquals(WriteOutcome.CONDITION_FAILED, port().allocate(card.activated("pbkdf2$1$c$d", Instant.EPOCH)));
        assertEquals(activated, port().load(brand, card.number()).orElseThrow());
        assertEquals(WriteOutcome.NOT_FOUND, port().allocate(Card.unallocated(brand, ContractData.freshCard(), program, set)
                .activated("x", Instant.EPOCH)));
    }

    @Test
    void updates_are_conditional_on_the_version() {
        Card card = stored();
        Card v2 = full(card); // version 3: activated (2) then profile (3)
        Card activated = card.activated("pbkdf2$1$a$b", Instant.parse("2025-03-01T10:00:00Z"));
        port().allocate(activated);

        assertEquals(WriteOutcome.CONDITION_FAILED, port().update(full(full(card))), "skips a version");
        assertEquals(WriteOutcome.WRITTEN, port().update(activated.withProfile(v2.customCardNumber(), v2.primaryCustomer(),
                v2.alternateCustomer(), v2.brandDemographics(), v2.customData(), v2.thirdPartyUsernames(), v2.enrolledAt())));
        Card loaded = port().load(brand, card.number()).orElseThrow();
        assertEquals(3, loaded.version());
        assertEquals(v2.primaryCustomer(), loaded.primaryCustomer());
        assertEquals(v2.customData(), loaded.customData());
        assertEquals(WriteOutcome.CONDITION_FAILED, port().update(activated.withProfile(Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty())), "stale writer loses");
        assertEquals(WriteOutcome.NOT_FOUND, port().update(full(Card.unallocated(brand, ContractData.freshCard(), program, set))));
    }

    @Test
    void the_pool_lists_only_unallocated_cards_of_the_set_and_brand() {
        Card a = stored();
        Card b = stored();
        port().allocate(b.activated("x", Instant.EPOCH));
        port().create(Card.unallocated(ContractData.freshBrand(), ContractData.freshCard(), program, set));
        port().create(Card.unallocated(brand, ContractData.freshCard(), program, new CardSetId("other-set")));

        List<Card> pool = eventually(() -> port().unallocated(brand, set, 10), l -> l.size() == 1);

        assertEquals(List.of(a.number()), pool.stream().map(Card::number).toList());
        assertEquals(CardStatus.UNALLOCATED, pool.get(0).status());
    }

    @Test
    void a_card_sets_handed_out_cards_come_in_number_order_page_by_page_without_the_pool() {
        List<Card> handedOut = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Card activated = stored().activated("x", Instant.EPOCH);
            assertEquals(WriteOutcome.WRITTEN, port().allocate(activated));
            handedOut.add(activated);
        }
        Card off = handedOut.get(0).withStatus(CardStatus.INACTIVE);
        assertEquals(WriteOutcome.WRITTEN, port().update(off));
        handedOut.set(0, off);
        stored();
        Card elsewhere = Card.unallocated(brand, ContractData.freshCard(), program, new CardSetId("other-set"));
        port().create(elsewhere);
        port().allocate(elsewhere.activated("x", Instant.EPOCH));
        Card theirs = Card.unallocated(ContractData.freshBrand(), ContractData.freshCard(), program, set);
        port().create(theirs);
        port().allocate(theirs.activated("x", Instant.EPOCH));

        List<Card> walked = eventually(() -> walk(set, NumberRange.ALL, 2), l -> l.size() == 5 && l.contains(off));

        assertEquals(handedOut.stream().sorted(Comparator.comparing(Card::number)).toList(), walked);
        assertTrue(walk(new CardSetId("no-such-set"), NumberRange.ALL, CardPort.MAX_PAGE).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> port().allocatedInCardSet(brand, set, NumberRange.ALL, Optional.empty(), 0));
        assertThrows(IllegalArgumentException.class, () -> port().allocatedInCardSet(brand, set, NumberRange.ALL,
                Optional.empty(), CardPort.MAX_PAGE + 1));
    }

    @Test
    void number_ranges_list_only_their_cards_and_the_slices_of_a_prefix_list_each_card_once() {
        List<Card> handedOut = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Card activated = stored().activated("x", Instant.EPOCH);
            port().allocate(activated);
            handedOut.add(activated);
        }
        List<Card> all = eventually(() -> walk(set, NumberRange.ALL, CardPort.MAX_PAGE), l -> l.size() == 12);
        String middle = all.get(6).number().value();
        NumberRange lower = new NumberRange("", Optional.of(middle.substring(0, 3)));

        assertEquals(all.stream().filter(c -> lower.contains(c.number())).toList(), walk(set, lower, 2));
        List<Card> sliced = new ArrayList<>();
        // ContractData's numbers all start with 9: the slices after it spread them; every card in exactly one.
        for (NumberRange slice : NumberRange.slices("9")) {
            List<Card> in = walk(set, slice, 3);
            assertTrue(in.stream().allMatch(c -> slice.contains(c.number())), slice.toString());
            sliced.addAll(in);
        }
        assertEquals(all, sliced);
    }

    private List<Card> walk(CardSetId cardSet, NumberRange range, int pageSize) {
        List<Card> found = new ArrayList<>();
        Optional<CardNumber> after = Optional.empty();
        do {
            CardPort.CardPage page = port().allocatedInCardSet(brand, cardSet, range, after, pageSize);
            assertTrue(page.cards().size() <= pageSize);
            found.addAll(page.cards());
            after = page.next();
        } while (after.isPresent());
        return found;
    }

    @Test
    void search_by_custom_card_number_email_and_phone_within_the_brand() {
        Card card = stored();
        Card profiled = full(card);
        port().allocate(card.activated("pbkdf2$1$a$b", Instant.parse("2025-03-01T10:00:00Z")));
        port().update(new Card(profiled.brand(), profiled.number(), profiled.program(), profiled.cardSet(),
                profiled.customCardNumber(), profiled.status(), profiled.pinHash(), profiled.primaryCustomer(),
                profiled.alternateCustomer(), profiled.brandDemographics(), profiled.customData(),
                profiled.thirdPartyUsernames(), profiled.activatedAt(), profiled.enrolledAt(), 3));

        List<CardSearch> criteria = List.of(new CardSearch.ByCustomCardNumber("CUST-" + card.number().lastFour()),
                new CardSearch.ByEmail("ada@EXAMPLE.com"), new CardSearch.ByPhone("442079460018"));
        for (CardSearch c : criteria) {
            List<Card> found = eventually(() -> port().search(brand, c, 10), l -> !l.isEmpty());
            assertEquals(List.of(card.number()), found.stream().map(Card::number).toList(), c.toString());
            assertTrue(port().search(ContractData.freshBrand(), c, 10).isEmpty());
        }
        assertTrue(port().search(brand, new CardSearch.ByEmail("eve@example.com"), 10).isEmpty());
    }

    private Card named(String first, String last, Map<String, String> usernames) {
        Card card = Card.unallocated(brand, ContractData.freshCard(), program, set)
                .activated("pbkdf2$1$a$b", Instant.parse("2025-03-01T10:00:00Z"));
        Customer holder = new Customer(first, last, null, null, null, null, null, null, null, null, null, null);
        Card profiled = card.withProfile(Optional.empty(), Optional.of(holder), Optional.empty(), Map.of(), Map.of(),
                usernames, Optional.empty());
        assertEquals(WriteOutcome.WRITTEN, port().create(new Card(brand, card.number(), program, set, Optional.empty(),
                CardStatus.ACTIVE, profiled.pinHash(), profiled.primaryCustomer(), Optional.empty(), Map.of(), Map.of(),
                usernames, profiled.activatedAt(), Optional.empty(), 1)));
        return port().load(brand, card.number()).orElseThrow();
    }

    @Test
    void search_by_first_or_last_name_prefix_ignores_case_and_accents_and_answers_in_name_order() {
        Card zoe = named("Zoë", "Åberg", Map.of());
        Card zoltan = named("zoltán", "Kovács", Map.of());
        Card other = named("Ada", "Zoeller", Map.of());

        List<Card> byFirst = eventually(() -> port().search(brand, new CardSearch.ByFirstName("ZO"), 10), l -> l.size() == 2);
        assertEquals(List.of(zoe.number(), zoltan.number()), byFirst.stream().map(Card::number).toList());
        List<Card> byLast = eventually(() -> port().search(brand, new CardSearch.ByLastName("ab"), 10), l -> !l.isEmpty());
        assertEquals(List.of(zoe.number()), byLast.stream().map(Card::number).toList());
        List<Card> zo = eventually(() -> port().search(brand, new CardSearch.ByLastName("zoe"), 10), l -> !l.isEmpty());
        assertEquals(List.of(other.number()), zo.stream().map(Card::number).toList());
        assertEquals(1, port().search(brand, new CardSearch.ByFirstName("z"), 1).size(), "the limit holds");
        assertTrue(port().search(ContractData.freshBrand(), new CardSearch.ByFirstName("zo"), 10).isEmpty());

        Card renamed = zoe.withProfile(Optional.empty(), Optional.of(new Customer("Yann", "Åberg", null, null, null, null,
                null, null, null, null, null, null)), Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty());
        assertEquals(WriteOutcome.WRITTEN, port().update(renamed));
        List<Card> after = eventually(() -> port().search(brand, new CardSearch.ByFirstName("zo"), 10), l -> l.size() == 1);
        assertEquals(List.of(zoltan.number()), after.stream().map(Card::number).toList(), "a renamed card leaves the old name");
    }

    @Test
    void search_by_third_party_username_finds_the_cards_that_name_it_now() {
        Card card = named("Ada", "Lovelace", Map.of("twitter", "@ada", "steam", "ada1815"));
        CardSearch twitter = new CardSearch.ByThirdPartyUsername("twitter", "@ada");

        assertEquals(List.of(card.number()), port().search(brand, twitter, 10).stream().map(Card::number).toList());
        assertTrue(port().search(brand, new CardSearch.ByThirdPartyUsername("twitter", "@ADA"), 10).isEmpty());
        assertTrue(port().search(brand, new CardSearch.ByThirdPartyUsername("steam", "@ada"), 10).isEmpty());
        assertTrue(port().search(ContractData.freshBrand(), twitter, 10).isEmpty());

        Card changed = card.withProfile(Optional.empty(), card.primaryCustomer(), Optional.empty(), Map.of(), Map.of(),
                Map.of("steam", "ada1815"), Optional.empty());
        assertEquals(WriteOutcome.WRITTEN, port().update(changed));
        assertTrue(port().search(brand, twitter, 10).isEmpty(), "a username the card no longer has finds nothing");
        assertEquals(List.of(card.number()), port().search(brand,
                new CardSearch.ByThirdPartyUsername("steam", "ada1815"), 10).stream().map(Card::number).toList());

        String longName = "é".repeat(1000);
        Card tall = named("Bea", "Long", Map.of("forum", longName));
        assertEquals(List.of(tall.number()), port().search(brand, new CardSearch.ByThirdPartyUsername("forum", longName), 10)
                .stream().map(Card::number).toList(), "a username of 1,000 characters (2,000 bytes) is found too");
    }

    private <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + indexLag().toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            value = read.get();
        }
        return value;
    }
}
