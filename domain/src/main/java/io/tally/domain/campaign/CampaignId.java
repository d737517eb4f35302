package io.tally.domain.campaign;

import io.tally.domain.shared.Identifiers;

/** A caller-chosen campaign id, unique within its brand. */
public record CampaignId(String value) {
    public CampaignId {
        Identifiers.require(value, "campaign id");
    }

    @Override
    public String toString() {
        return value;
    }
}
