package io.tally.domain.engagement;

import java.util.Optional;

/** Where a brand wants events of a category shown: the customer's profile page, the segment builder, campaigns. */
public enum EventDisplay implements WireNamed {
    PROFILE_PAGE("profilePage", "Customer profile page"), SEGMENT_BUILDER("segmentBuilder", "Segment builder"),
    CAMPAIGN_MANAGER("campaignManager", "Campaign manager");

    private final String wireName;
    private final String label;

    EventDisplay(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public static Optional<EventDisplay> byWireName(String text) {
        return WireNamed.find(values(), text);
    }
}
