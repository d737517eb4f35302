package io.tally.domain.communication;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A brand's e-mail templates (issue 15): edited in the back office, read by the preview and, later, by rules and
 * scheduled sends. One item each; a change is decided by one conditional write on the version read, so two editors
 * saving the same template keep the first save and the second is told to reload.
 */
public interface TemplatesPort {
    /** Templates a brand may keep. */
    int MAX_PER_BRAND = 500;

    /** Stores a new template (version 1) only if its id is free; false if taken. */
    boolean create(EmailTemplate template);

    /** Replaces a template only if the stored one is of the version before {@code changed}'s; false otherwise. */
    boolean update(EmailTemplate changed);

    Optional<EmailTemplate> find(BrandId brand, String id);

    /** The brand's templates without their parts' text (name, subject, when, who): the list page. */
    List<TemplateSummary> list(BrandId brand);

    record TemplateSummary(String id, String name, String subject, Instant updatedAt) {
    }
}
