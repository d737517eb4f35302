package io.tally.lambda.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.domain.provisioning.InvalidSeedException;
import io.tally.domain.provisioning.Seed;
import io.tally.sqs.json.Json;
import java.util.List;

/**
 * Reads a seed file (see demo/seed.json and docs/ARCHITECTURE.md). Unknown fields are errors, so a
 * typo in a seed is reported instead of silently ignored.
 */
public final class SeedJson {
    private final ObjectMapper json = Json.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A campaigns file of {@code tally admin campaigns put}: {@code {"campaigns": [...]}} in the seed's format. */
    private record CampaignsFile(List<Seed.CampaignSeed> campaigns) {
    }

    public List<Seed.CampaignSeed> readCampaigns(String text) {
        try {
            CampaignsFile file = json.readValue(text, CampaignsFile.class);
            if (file == null || file.campaigns() == null || file.campaigns().isEmpty()) {
                throw new InvalidSeedException(List.of("the file must be an object with a non-empty \"campaigns\" list"));
            }
            return file.campaigns();
        } catch (JsonProcessingException e) {
            throw new InvalidSeedException(List.of("not a valid campaigns file" + where(e) + ": " + e.getOriginalMessage()));
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    public Seed read(String text) {
        try {
            Seed seed = json.readValue(text, Seed.class);
            if (seed == null || seed.brands() == null) {
                throw new InvalidSeedException(List.of("the seed must be an object with a \"brands\" list"));
            }
            return seed;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidSeedException(List.of("not a valid seed file" + where + ": " + e.getOriginalMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSeedException(List.of("not a valid seed file: " + e.getMessage()));
        }
    }
}
