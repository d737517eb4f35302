package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link EventDefinitionsPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class EventDefinitionsContract {
    protected abstract EventDefinitionsPort port();

    private final BrandId brand = ContractData.freshBrand();

    static EventDefinition review(BrandId brand) {
        return new EventDefinition(brand, new EventCategoryId("review"), EventType.FEEDBACK, "Wrote a review",
                "A review on the brand's site, any rating", Set.of(EventDisplay.PROFILE_PAGE, EventDisplay.CAMPAIGN_MANAGER),
                Sentiment.POSITIVE);
    }

    @Test
    void a_saved_definition_is_found_with_every_field_and_saving_it_again_changes_nothing() {
        EventDefinition review = review(brand);
        assertTrue(port().save(review));
        assertFalse(port().save(review), "the same values again");

        assertEquals(Optional.of(review), port().find(brand, review.category()));
    }

    @Test
    void saving_a_category_again_replaces_its_definition() {
        port().save(review(brand));
        EventDefinition edited = new EventDefinition(brand, new EventCategoryId("review"), EventType.SOCIAL, "Reviewed us",
                "", Set.of(), Sentiment.NEUTRAL);
        assertTrue(port().save(edited));

        assertEquals(Optional.of(edited), port().find(brand, edited.category()));
        assertEquals(List.of(edited), port().list(brand));
    }

    @Test
    void a_brand_lists_its_own_definitions_by_category_and_never_finds_another_brands() {
        EventDefinition review = review(brand);
        EventDefinition unsubscribed = new EventDefinition(brand, new EventCategoryId("email-unsubscribe"), EventType.EMAIL,
                "Unsubscribed", null, Set.of(EventDisplay.SEGMENT_BUILDER), Sentiment.NEGATIVE);
        port().save(review);
        port().save(unsubscribed);
        BrandId other = ContractData.freshBrand();

        assertEquals(List.of(unsubscribed, review), port().list(brand));
        assertTrue(port().list(other).isEmpty());
        assertTrue(port().find(other, review.category()).isEmpty());
        assertTrue(port().find(brand, new EventCategoryId("never-defined")).isEmpty());
    }
}
