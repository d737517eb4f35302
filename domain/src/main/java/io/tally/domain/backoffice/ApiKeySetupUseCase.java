package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.ApiKeysPort;
import io.tally.domain.tenant.ManageApiKeysUseCase;
import io.tally.domain.tenant.ManageApiKeysUseCase.CreatedKey;
import io.tally.domain.tenant.ManageApiKeysUseCase.KeySummary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's API keys in the back office, through {@link ManageApiKeysUseCase} (the operator command line's): create
 * one (its secret is in the answer once and nowhere else: not in the audit, not in any later page), list them, revoke
 * one. Keys are brand-wide, so only brand-wide staff with {@link Permission#READ_SETUP} see them; creating and revoking
 * need {@link Permission#MANAGE_SETUP}. A revoked key still authenticates merchant calls for up to the API's auth cache
 * TTL (60 s by default) in containers that loaded it before; a new key works at once.
 */
public final class ApiKeySetupUseCase {
    public static final int MAX_LABEL = 80;

    private final ApiKeysPort store;
    private final ManageApiKeysUseCase keys;
    private final SetupAudit audit;

    public ApiKeySetupUseCase(ApiKeysPort store, AuditLogPort log, RandomSource random, Clock clock) {
        this.store = store;
        this.keys = new ManageApiKeysUseCase(store, random, clock);
        this.audit = new SetupAudit(log, random, clock);
    }

    public List<KeySummary> list(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) && scope.brandWide() ? keys.list(scope.brand()) : List.of();
    }

    public Outcome<CreatedKey> create(StaffScope scope, String keyId, String label) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return SetupAudit.notAllowed();
        }
        String text = label == null ? "" : label.strip();
        if (text.length() > MAX_LABEL) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A label is at most " + MAX_LABEL + " characters.");
        }
        String id = keyId == null ? "" : keyId.strip();
        if (!Identifiers.isValid(id)) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "The key id is 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.");
        }
        if (store.apiKey(id).isPresent()) {
            return taken(id);
        }
        audit.record(scope, "setup.apikey.create", "apikey:" + id, Map.of(), Map.of("label", text, "state", "active"));
        Outcome<CreatedKey> created = keys.create(scope.brand(), id, text);
        return created.isAccepted() ? created : taken(id);
    }

    public Outcome<KeySummary> revoke(StaffScope scope, String keyId) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return SetupAudit.notAllowed();
        }
        String id = keyId == null ? "" : keyId.strip();
        Optional<KeySummary> before = keys.list(scope.brand()).stream().filter(k -> k.keyId().equals(id)).findFirst();
        if (before.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "There is no API key " + id + ".");
        }
        if (before.get().revokedAt().isEmpty()) {
            audit.record(scope, "setup.apikey.revoke", "apikey:" + id, Map.of("state", "active"), Map.of("state", "revoked"));
        }
        return keys.revoke(scope.brand(), id);
    }

    private static <T> Outcome<T> taken(String id) {
        return Outcome.rejected(Reason.INVALID_REQUEST, "There is already an API key " + id + ". Choose another id.");
    }
}
