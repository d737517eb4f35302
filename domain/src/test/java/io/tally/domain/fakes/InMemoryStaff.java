package io.tally.domain.fakes;

import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.tenant.BrandId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link StaffPort} in memory, held to the same contract as the DynamoDB adapter. */
public final class InMemoryStaff implements StaffPort {
    private final Map<StaffId, StaffMember> members = new ConcurrentHashMap<>();

    @Override
    public boolean create(StaffMember member) {
        return members.putIfAbsent(member.id(), member) == null;
    }

    @Override
    public Optional<StaffMember> find(StaffId id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public List<StaffMember> list(BrandId brand) {
        return members.values().stream().filter(m -> m.brand().equals(brand))
                .sorted(Comparator.comparing(StaffMember::email).thenComparing(m -> m.id().value())).toList();
    }

    @Override
    public synchronized boolean update(StaffMember next) {
        StaffMember stored = members.get(next.id());
        if (stored == null || !stored.brand().equals(next.brand()) || stored.version() != next.version() - 1) {
            return false;
        }
        members.put(next.id(), next);
        return true;
    }
}
