package io.tally.domain.staff;

import io.tally.domain.tenant.BrandId;
import java.util.List;
import java.util.Optional;

/**
 * The brand's staff members. Every request of the back office reads its signed-in member (consistently, so a member
 * disabled a moment ago is refused at once); every change is one write conditional on the version read.
 */
public interface StaffPort {
    /** Stores a new member; false if a member with that id exists already (the stored one stays). */
    boolean create(StaffMember member);

    /** The member with this id, read consistently; empty if none. */
    Optional<StaffMember> find(StaffId id);

    /** The brand's members, ordered by e-mail (a brand has at most a few hundred). */
    List<StaffMember> list(BrandId brand);

    /**
     * Replaces the stored member with {@code next} if the stored one has the same brand and version
     * {@code next.version() - 1}; false otherwise (someone else changed it, or it does not exist).
     */
    boolean update(StaffMember next);
}
