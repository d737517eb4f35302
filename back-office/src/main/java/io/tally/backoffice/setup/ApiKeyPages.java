package io.tally.backoffice.setup;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.backoffice.templates.setup.JtesecretGenerated;
import io.tally.domain.backoffice.ApiKeySetupUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Permission;
import io.tally.domain.tenant.ManageApiKeysUseCase.CreatedKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /setup/api-keys}: list, create, revoke. A new key's secret is in the answer to the creating POST only (not a
 * redirect target), so it is shown once: reloading posts again, which is refused because the id is taken.
 */
final class ApiKeyPages {
    static final String SAVED = "Saved. A revoked key may still work for up to a minute (the API's sign-in cache).";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final ApiKeySetupUseCase keys;

    ApiKeyPages(ApiKeySetupUseCase keys) {
        this.keys = keys;
    }

    void register(OfficeRouter router) {
        router.get("/setup/api-keys", Permission.READ_SETUP, c -> list(c, 200, List.of()))
                .post("/setup/api-keys", Permission.MANAGE_SETUP, this::create)
                .post("/setup/api-keys/{id}/revoke", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        keys.revoke(c.scope(), c.param("id")), "/setup/api-keys", e -> list(c, 400, e), "id"));
    }

    private OfficeResponse create(OfficeCall c) {
        Outcome<CreatedKey> created = keys.create(c.scope(), c.request().field("id"), c.request().field("label"));
        if (!created.isAccepted()) {
            return list(c, 400, List.of(new FieldError("id", ((Rejected<CreatedKey>) created).rejection().detail())));
        }
        CreatedKey key = created.value();
        Page page = c.page("API key created", SetupPage.SECTION);
        return OfficeResponse.ok(Html.render(o -> JtesecretGenerated.render(o, null, page, key.key().keyId(), key.secret())));
    }

    private OfficeResponse list(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        List<Row> rows = keys.list(c.scope()).stream().map(k -> new Row(List.of(k.keyId(), k.label(),
                WHEN.format(k.createdAt()), k.revokedAt().map(r -> "revoked " + WHEN.format(r)).orElse("active")), null,
                manage && k.revokedAt().isEmpty() ? new Link("/setup/api-keys/" + k.keyId() + "/revoke", "Revoke " + k.keyId())
                        : null)).toList();
        Table table = new Table("API keys", PlacesPages.headers(manage, "Key id", "Label", "Created", "State"), rows,
                "No API keys yet.");
        Form form = new Form("Create an API key", "/setup/api-keys", "Create key", List.of(
                Input.text("id", "Key id", "", true, "letters, digits, '-', '_' or '.'; never reused"),
                Input.text("label", "Label", "", false, "what the key is for, e.g. the till software")));
        return SetupPage.show(c, status, "API keys", "Keys the brand's tills and web shops call the merchant API with. "
                + "The secret is shown once, when the key is created.", List.of(table),
                List.of(SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }
}
