package io.tally.domain.communication;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;

/**
 * A brand's e-mail template, as edited in the back office: a name, the subject line and the HTML and text parts, each
 * with merge fields ({@link MergeTemplate}). The HTML is stored sanitised (and sanitised again at every render). Changed
 * only over the version read (optimistic, like segments).
 */
public record EmailTemplate(BrandId brand, String id, String name, String subject, String html, String text,
                            Instant updatedAt, String updatedBy, long version) {
    public static final int MAX_NAME = 80;
    public static final int MAX_SUBJECT = 200;

    public EmailTemplate {
        Objects.requireNonNull(brand, "brand");
        Identifiers.require(id, "template id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (name.isBlank() || name.length() > MAX_NAME || subject.isBlank() || subject.length() > MAX_SUBJECT
                || html.length() > MergeTemplate.MAX_LENGTH || text.length() > MergeTemplate.MAX_LENGTH || version < 1) {
            throw new IllegalArgumentException("not a template: name 1-" + MAX_NAME + ", subject 1-" + MAX_SUBJECT
                    + " characters, parts at most " + MergeTemplate.MAX_LENGTH);
        }
    }
}
