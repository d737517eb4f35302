package io.tally.backoffice.setup;

import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Section;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.backoffice.templates.setup.JtesectionGenerated;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What every setup page shares: rendering a {@link Section}, the saved notice, and a refused form shown again. */
final class SetupPage {
    static final String SECTION = "setup";

    private SetupPage() {
    }

    static boolean canManage(OfficeCall call) {
        return call.scope().can(Permission.MANAGE_SETUP);
    }

    /** The page, with the "saved" notice after a redirect from a successful form ({@code ?saved=1}). */
    static OfficeResponse show(OfficeCall call, int status, String title, String intro, List<Table> tables, List<Form> forms,
                               List<FieldError> errors, String savedNotice) {
        String notice = call.request().query("saved").isEmpty() ? null : savedNotice;
        Page page = call.page(title, SECTION, notice);
        Section section = new Section(title, intro, List.of(), tables, canManage(call) ? forms : List.of(), errors);
        return OfficeResponse.html(status, Html.render(o -> JtesectionGenerated.render(o, null, page, section)));
    }

    static OfficeResponse links(OfficeCall call, String title, String intro, List<Link> links) {
        Page page = call.page(title, SECTION);
        Section section = new Section(title, intro, links, List.of(), List.of(), List.of());
        return OfficeResponse.ok(Html.render(o -> JtesectionGenerated.render(o, null, page, section)));
    }

    /**
     * After a use case: a redirect to {@code back} (with the saved notice) when accepted; otherwise the form again
     * (status 400) with the refusal as its error, linked to {@code field}, and the values as posted.
     */
    static <T> OfficeResponse afterPost(OfficeCall call, Outcome<T> outcome, String back,
                                        Function<List<FieldError>, OfficeResponse> again, String field) {
        if (outcome.isAccepted()) {
            return OfficeResponse.redirect(back + (back.contains("?") ? "&" : "?") + "saved=1");
        }
        String message = ((Rejected<T>) outcome).rejection().detail();
        return again.apply(List.of(new FieldError(field, message)));
    }

    /**
     * The form's inputs with the posted values (passwords never echoed) and the error on the input it names (else on
     * the first input).
     */
    static Form withPosted(OfficeCall call, Form form, List<FieldError> errors) {
        List<Input> inputs = new ArrayList<>();
        int errorAt = errors.isEmpty() ? -1 : Math.max(0, form.inputs().stream().map(Input::name).toList()
                .indexOf(errors.get(0).field()));
        for (int i = 0; i < form.inputs().size(); i++) {
            Input in = form.inputs().get(i);
            String posted = in.kind() == SetupView.Kind.CHECKBOX ? (call.request().field(in.name()).equals("on") ? "on" : "")
                    : call.request().field(in.name());
            String error = i == errorAt ? errors.get(0).message() : null;
            inputs.add(new Input(in.name(), in.label(), in.kind(), call.request().method().equals("POST") ? posted : in.value(),
                    in.options(), in.hint(), in.required(), error));
        }
        return new Form(form.heading(), form.action(), form.submit(), inputs);
    }
}
