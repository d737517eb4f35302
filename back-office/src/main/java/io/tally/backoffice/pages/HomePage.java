package io.tally.backoffice.pages;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.OfficeRouter.SignedIn;
import io.tally.backoffice.templates.JtehomeGenerated;

/** {@code /admin}: who is signed in and the sections their role opens. */
public final class HomePage implements OfficeArea {
    @Override
    public void register(OfficeRouter router) {
        router.get("/", new SignedIn(), c -> {
            var page = c.page("Home", "");
            return OfficeResponse.ok(Html.render(o -> JtehomeGenerated.render(o, null, page)));
        });
    }
}
