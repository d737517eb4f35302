package io.tally.domain.fakes;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ValueType;
import io.tally.domain.provisioning.BrandSetupReadPort;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LoadMerchantAccessPort;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory twin of the DynamoDB configuration adapters (tenancy, catalogue, API keys, activity log), with the same conditional semantics. Its contract tests run against both.
 */
public final class InMemoryConfigStore implements ProvisioningPort, LoadMerchantAccessPort, LoadProgramsPort,
        ActivityLogPort, BrandSetupReadPort {
    private final Map<List<String>, Object> items = new ConcurrentHashMap<>();
    private final Map<String, DomainEvent> activity = new ConcurrentHashMap<>();

    private boolean upsert(List<String> key, Object value) {
        return !Objects.equals(items.put(key, value), value);
    }

    private <T> Optional<T> get(List<String> key, Class<T> type) {
        return Optional.ofNullable(items.get(key)).map(type::cast);
    }

    @Override
    public boolean saveBrand(Brand brand) {
        return upsert(List.of("brand", brand.id().value()), brand);
    }

    @Override
    public boolean saveLocationGroup(LocationGroup group) {
        return upsert(List.of("group", group.brand().value(), group.id().value()), group);
    }

    @Override
    public boolean saveLocation(Location location) {
        return upsert(List.of("location", location.brand().value(), location.id().value()), location);
    }

    @Override
    public boolean saveTerminal(Terminal t) {
        return upsert(List.of("terminal", t.brand().value(), t.location().value(), t.id().value()), t);
    }

    @Override
    public Optional<Employee> employee(BrandId brand, LocationId location, EmployeeId id) {
        return get(List.of("employee", brand.value(), location.value(), id.value()), Employee.class);
    }

    @Override
    public boolean saveEmployee(Employee e) {
        return upsert(List.of("employee", e.brand().value(), e.location().value(), e.id().value()), e);
    }

    @Override
    public boolean saveProgram(Program p) {
        return upsert(List.of("program", p.brand().value(), p.id().value()), p);
    }

    @Override
    public boolean saveValueType(ValueType v) {
        return upsert(List.of("valueType", v.brand().value(), v.program().value(), v.key().asText()), v);
    }

    @Override
    public boolean saveCardSet(CardSet c) {
        return upsert(List.of("cardSet", c.brand().value(), c.id().value()), c);
    }

    @Override
    public boolean createApiKey(ApiKey key) {
        return items.putIfAbsent(List.of("apiKey", key.keyId()), key) == null;
    }

    @Override
    public Optional<ApiKey> apiKey(String keyId) {
        return get(List.of("apiKey", keyId), ApiKey.class);
    }

    @Override
    public List<ApiKey> apiKeys(BrandId brand) {
        return items.values().stream().filter(ApiKey.class::isInstance).map(ApiKey.class::cast)
                .filter(k -> k.brand().equals(brand)).sorted(Comparator.comparing(ApiKey::keyId)).toList();
    }

    @Override
    public synchronized Optional<ApiKey> revokeApiKey(BrandId brand, String keyId, java.time.Instant when) {
        return apiKey(keyId).filter(k -> k.brand().equals(brand)).map(k -> {
            ApiKey revoked = k.revoke(when);
            items.put(List.of("apiKey", keyId), revoked);
            return revoked;
        });
    }

    @Override
    public MerchantAccess load(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                               Optional<EmployeeId> employee) {
        return new MerchantAccess(apiKey(apiKeyId), get(List.of("brand", brand.value()), Brand.class),
                get(List.of("location", brand.value(), location.value()), Location.class),
                get(List.of("terminal", brand.value(), location.value(), terminal.value()), Terminal.class),
                employee.flatMap(e -> employee(brand, location, e)));
    }

    @Override
    public Catalogue catalogue(BrandId brand) {
        List<Program> programs = new ArrayList<>();
        List<ValueType> valueTypes = new ArrayList<>();
        items.forEach((k, v) -> {
            if (k.get(0).equals("program") && k.get(1).equals(brand.value())) {
                programs.add((Program) v);
            } else if (k.get(0).equals("valueType") && k.get(1).equals(brand.value())) {
                valueTypes.add((ValueType) v);
            }
        });
        programs.sort(Comparator.comparing(p -> p.id().value()));
        valueTypes.sort(Comparator.comparing((ValueType v) -> v.program().value()).thenComparing(v -> v.key().asText()));
        return new Catalogue(programs, valueTypes);
    }

    @Override
    public Optional<CardSet> cardSet(BrandId brand, CardSetId id) {
        return get(List.of("cardSet", brand.value(), id.value()), CardSet.class);
    }

    @Override
    public boolean record(DomainEvent event) {
        return activity.putIfAbsent(event.brand().value() + "|" + event.occurredAt() + "|" + event.id(), event) == null;
    }

    @Override
    public List<DomainEvent> recent(BrandId brand, int limit) {
        return activity.values().stream().filter(e -> e.brand().equals(brand))
                .sorted(Comparator.comparing(DomainEvent::occurredAt).thenComparing(DomainEvent::id).reversed())
                .limit(Math.max(1, Math.min(limit, 1000))).toList();
    }

    @Override
    public Optional<Brand> brand(BrandId brand) {
        return get(List.of("brand", brand.value()), Brand.class);
    }

    @Override
    public List<LocationGroup> locationGroups(BrandId brand) {
        return ofKind("group", brand, LocationGroup.class);
    }

    @Override
    public List<Location> locations(BrandId brand) {
        return ofKind("location", brand, Location.class);
    }

    @Override
    public List<Terminal> terminals(BrandId brand) {
        return ofKind("terminal", brand, Terminal.class);
    }

    @Override
    public List<Employee> employees(BrandId brand) {
        return ofKind("employee", brand, Employee.class);
    }

    @Override
    public List<CardSet> cardSets(BrandId brand) {
        return ofKind("cardSet", brand, CardSet.class);
    }

    /** The brand's items of one kind in key order (the sort key order of the table: ids joined with '#'). */
    private <T> List<T> ofKind(String kind, BrandId brand, Class<T> type) {
        return items.entrySet().stream()
                .filter(e -> e.getKey().get(0).equals(kind) && e.getKey().get(1).equals(brand.value()))
                .sorted(Comparator.comparing(e -> String.join("#", e.getKey().subList(2, e.getKey().size()))))
                .map(e -> type.cast(e.getValue())).toList();
    }

    @Override
    public List<DomainEvent> byRequestRef(BrandId brand, String requestRef, int limit) {
        return byData(brand, "requestRef", requestRef, limit);
    }

    @Override
    public List<DomainEvent> byExternalTransactionId(BrandId brand, String externalTransactionId, int limit) {
        return byData(brand, "externalTransactionId", externalTransactionId, limit);
    }

    private List<DomainEvent> byData(BrandId brand, String field, String value, int limit) {
        return activity.values().stream().filter(e -> e.brand().equals(brand) && value.equals(e.data().get(field)))
                .sorted(Comparator.comparing(ActivityLogPort.Position::of, ActivityLogPort.Position.ORDER))
                .limit(Math.max(1, Math.min(limit, MAX_PAGE))).toList();
    }

    @Override
    public Slice between(BrandId brand, Instant from, Instant to, Optional<Position> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit 1.." + MAX_PAGE);
        }
        List<DomainEvent> slice = activity.values().stream()
                .filter(e -> e.brand().equals(brand) && !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .filter(e -> after.map(a -> Position.ORDER.compare(Position.of(e), a) > 0).orElse(true))
                .sorted(Comparator.comparing(Position::of, Position.ORDER)).limit(limit).toList();
        return new Slice(slice, slice.size() == limit ? Optional.of(Position.of(slice.get(limit - 1))) : Optional.empty());
    }

    @Override
    public Optional<Instant> oldest(BrandId brand) {
        return activity.values().stream().filter(e -> e.brand().equals(brand)).map(DomainEvent::occurredAt)
                .min(Comparator.naturalOrder());
    }
}
