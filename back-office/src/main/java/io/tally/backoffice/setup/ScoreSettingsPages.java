package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Kind;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.backoffice.ScoreSettingsUseCase;
import io.tally.domain.backoffice.ScoreSettingsUseCase.SettingsForm;
import io.tally.domain.backoffice.ScoreSettingsUseCase.View;
import io.tally.domain.engagement.score.ScoreRun;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Permission;
import java.util.List;
import java.util.Optional;

/**
 * {@code /setup/scores}: the brand's customer score settings (named ranges, spend reference in the checkout currency)
 * and the scoring job's last run (its day, cards scored, done or in progress). The form posts to
 * {@code /setup/scores?version=n}, the version it was opened with: a change made meanwhile is refused with a sentence.
 */
public final class ScoreSettingsPages implements OfficeArea {
    static final String SAVED = "Saved. Range names apply at once; a new spend reference from the next scoring day.";
    private static final String PATH = "/setup/scores";
    private final ScoreSettingsUseCase scores;

    public ScoreSettingsPages(ScoreSettingsUseCase scores) {
        this.scores = scores;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get(PATH, Permission.READ_SETUP, c -> page(c, 200, List.of()))
                .post(PATH, Permission.MANAGE_SETUP, this::save);
    }

    private OfficeResponse save(OfficeCall c) {
        Outcome<ScoreSettings> saved = scores.save(c.scope(), new SettingsForm(c.request().query("version"),
                c.request().field("ranges"), c.request().field("spendReference")));
        if (saved.isAccepted()) {
            return OfficeResponse.redirect(PATH + "?saved=1");
        }
        String message = ((Outcome.Rejected<ScoreSettings>) saved).rejection().detail();
        String field = message.startsWith("The spend reference") ? "spendReference" : "ranges";
        return page(c, 400, List.of(new FieldError(field, message)));
    }

    private OfficeResponse page(OfficeCall c, int status, List<FieldError> errors) {
        Optional<View> view = scores.view(c.scope());
        if (view.isEmpty()) {
            return c.notFound();
        }
        ScoreSettings s = view.get().settings();
        String currency = view.get().currency();
        Table ranges = new Table("Score ranges", List.of("Scores", "Name"), s.ranges().ranges().stream()
                .map(r -> SetupView.Row.of(List.of(r.label(), r.name()), null)).toList(), "No ranges.");
        Table run = new Table("The scoring job's last run", List.of("Day scored", "Cards scored", "State",
                "Spend reference", "Started", "Last page"), view.get().lastRun().map(r -> List.of(SetupView.Row.of(List.of(
                r.day().toString(), Long.toString(r.scored()), state(r), reference(r.spendReference()) + " " + currency,
                r.startedAt().toString(), r.updatedAt().toString()), null))).orElse(List.of()),
                "The scoring job has not run over this brand yet.");
        // a stale form is shown with the values stored now (and their version), any other refusal with those posted
        boolean posted = c.request().method().equals("POST") && errors.stream()
                .noneMatch(e -> e.message().equals(ScoreSettingsUseCase.STALE));
        Form form = new Form("Change the score settings", PATH + "?version=" + s.version(), "Save score settings", List.of(
                input(Input.of("ranges", "Score ranges, one a line as from-to name", Kind.TEXTAREA,
                        posted ? c.request().field("ranges") : ScoreSettingsUseCase.text(s.ranges()),
                        "contiguous from 1 to 100; a score of 0 means no activity"), errors),
                input(Input.text("spendReference", "Spend reference (" + currency + ")",
                        posted ? c.request().field("spendReference") : reference(s.spendReference()), true,
                        "the spend that earns the whole spend part (25 points); from the next scoring day"), errors)));
        return SetupPage.show(c, status, "Customer score", "How the brand names its customer score ranges (Explore "
                        + "Data, the card page) and the spend that earns a full spend score. Scores are recomputed by "
                        + "the scoring job once a day.", List.of(ranges, run), List.of(form), errors, SAVED);
    }

    private static Input input(Input in, List<FieldError> errors) {
        String error = errors.stream().filter(e -> e.field().equals(in.name())).map(FieldError::message).findFirst()
                .orElse(null);
        return new Input(in.name(), in.label(), in.kind(), in.value(), in.options(), in.hint(), in.required(), error);
    }

    private static String state(ScoreRun r) {
        return r.done() ? "done" : "in progress (" + r.pages() + " pages so far)";
    }

    private static String reference(long tenThousandths) {
        String text = DecimalAmounts.toDecimal(tenThousandths, 4).stripTrailingZeros().toPlainString();
        int dot = text.indexOf('.');
        return dot < 0 ? text + ".00" : text.length() - dot == 2 ? text + "0" : text;
    }
}
