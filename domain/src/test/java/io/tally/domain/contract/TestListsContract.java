package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.TestList;
import io.tally.domain.communication.TestListsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link TestListsPort}: created once by id, changed only over the version read, found, listed per brand in id order. */
public abstract class TestListsContract {
    protected abstract TestListsPort lists();

    private final BrandId brand = new BrandId("L" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");

    private TestList list(String id, long version, List<CardNumber> cards) {
        return new TestList(brand, id, "QA team", cards, t0.plusSeconds(version), version);
    }

    @Test
    void a_test_list_is_created_once_changed_over_its_version_and_listed() {
        List<CardNumber> two = List.of(ContractData.freshCard(), ContractData.freshCard());
        assertTrue(lists().create(list("b", 1, two)));
        assertFalse(lists().create(list("b", 1, List.of())), "the id is taken");
        assertTrue(lists().create(list("a", 1, List.of())));
        assertEquals(Optional.of(list("b", 1, two)), lists().find(brand, "b"));
        assertTrue(lists().update(list("b", 2, two.subList(0, 1))));
        assertFalse(lists().update(list("b", 2, List.of())), "a second editor of version 1 is refused");
        assertEquals(List.of(list("a", 1, List.of()), list("b", 2, two.subList(0, 1))), lists().list(brand));
        assertTrue(lists().find(new BrandId("OTHER"), "b").isEmpty());
    }
}
