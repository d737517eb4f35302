package io.tally.domain.segment;

/**
 * Who sees a segment in the back office (the glossary's Segmentation views). {@link #BASE} segments are the brand's
 * own groups (members, non-members) that the platform creates; the others are made by staff.
 */
public enum Visibility {
    /** Created by the platform for the brand; everyone sees them; no one edits them. */
    BASE("Base"),
    /** Seen by every staff member of the brand. */
    SHARED("Shared"),
    /** Seen by its creator only. */
    PRIVATE("Private"),
    /** Tied to some locations; seen by everyone who sees one of them. */
    PUBLIC_BY_LOCATION("Public, by location"),
    /** Tied to some locations; seen by its creator only. */
    PRIVATE_BY_LOCATION("Private, by location");

    private final String label;

    Visibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean byLocation() {
        return this == PUBLIC_BY_LOCATION || this == PRIVATE_BY_LOCATION;
    }

    public boolean ownerOnly() {
        return this == PRIVATE || this == PRIVATE_BY_LOCATION;
    }
}
