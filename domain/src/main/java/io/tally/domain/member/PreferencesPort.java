package io.tally.domain.member;

import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * Stores e-mail preferences per brand and recipient. Read before every non-transactional e-mail, written from
 * the preferences page; a save replaces the recipient's choices at once (one item).
 */
public interface PreferencesPort {
    Optional<Preferences> load(BrandId brand, ContactKey email);

    void save(BrandId brand, Preferences preferences);
}
