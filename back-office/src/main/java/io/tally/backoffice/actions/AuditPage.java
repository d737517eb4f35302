package io.tally.backoffice.actions;

import io.tally.backoffice.actions.ActionViews.AuditRow;
import io.tally.backoffice.actions.ActionViews.Choice;
import io.tally.backoffice.actions.ActionViews.Row;
import io.tally.backoffice.http.Html;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.Page;
import io.tally.backoffice.templates.actions.JteauditGenerated;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.backoffice.AuditQueryUseCase;
import io.tally.domain.backoffice.CardActionsUseCase;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffPort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /admin/audit}: the brand's audit log for admins (READ_AUDIT, checked again by the use case), newest first,
 * filtered by a date range (UTC days, both included), a staff member and an action, 25 a page with an "older" link.
 */
public final class AuditPage implements OfficeArea {
    static final List<String> ACTIONS = List.of(CardActionsUseCase.ADJUST, CardActionsUseCase.VOID, CardActionsUseCase.DEACTIVATE,
            CardActionsUseCase.REACTIVATE, CardActionsUseCase.RESET_PIN, CardActionsUseCase.EDIT_CUSTOMER,
            CardActionsUseCase.RESEND_WELCOME, "card.", "staff.", "setup.", "segment.");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final AuditQueryUseCase audit;
    private final StaffPort staff;

    public AuditPage(AuditQueryUseCase audit, StaffPort staff) {
        this.audit = audit;
        this.staff = staff;
    }

    @Override
    public void register(OfficeRouter router) {
        router.get("/audit", Permission.READ_AUDIT, this::page);
    }

    private OfficeResponse page(OfficeCall c) {
        String from = text(c.request().query("from"));
        String to = text(c.request().query("to"));
        String who = text(c.request().query("staff"));
        String action = text(c.request().query("action"));
        Optional<Instant> start = day(from, 0);
        Optional<Instant> end = day(to, 1);
        String error = (!from.isEmpty() && start.isEmpty()) || (!to.isEmpty() && end.isEmpty())
                ? "Dates are written as 2026-12-01." : null;
        AuditLogPort.Filter filter = new AuditLogPort.Filter(start.orElse(Instant.EPOCH),
                end.orElse(Instant.parse("9999-12-31T00:00:00Z")),
                who.isEmpty() ? Optional.empty() : Optional.of(new StaffId(who)),
                action.isEmpty() ? Optional.empty() : Optional.of(action));
        Optional<String> cursor = Optional.ofNullable(c.request().query("after")).filter(s -> !s.isBlank());
        Optional<AuditLogPort.Page> found = audit.page(c.scope(), filter, cursor);
        if (found.isEmpty()) {
            return c.notFound();
        }
        List<AuditRow> rows = found.get().records().stream().map(AuditPage::row).toList();
        List<Choice> members = Stream.concat(Stream.of(new Choice("", "Anyone", who.isEmpty())),
                staff.list(c.scope().brand()).stream().map(m -> new Choice(m.id().value(), m.email(), m.id().value().equals(who))))
                .toList();
        List<Choice> actions = new ArrayList<>();
        actions.add(new Choice("", "Any action", action.isEmpty()));
        ACTIONS.forEach(a -> actions.add(new Choice(a, a.endsWith(".") ? a + "*" : a, a.equals(action))));
        String older = found.get().next().map(n -> "?from=" + enc(from) + "&to=" + enc(to) + "&staff=" + enc(who)
                + "&action=" + enc(action) + "&after=" + enc(n)).orElse(null);
        Page page = c.page("Audit log", "audit");
        return OfficeResponse.html(error == null ? 200 : 400, Html.render(o -> JteauditGenerated.render(o, null, page, from, to,
                members, actions, rows, older, error)));
    }

    private static AuditRow row(AuditRecord r) {
        return new AuditRow(WHEN.format(r.at()), r.staffEmail(), r.action(), r.target(), r.reason().orElse(""),
                rows(r.before()), rows(r.after()));
    }

    private static List<Row> rows(java.util.Map<String, String> values) {
        return values.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
    }

    private static Optional<Instant> day(String text, int plusDays) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
