package io.tally.backoffice.segments;

import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Kind;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.domain.segment.FilterCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of each kind of filter, named as {@link FilterCodec} reads them, so a posted form decodes as it is.
 * Amounts are in minor units (cents, points), distances in metres, days of the year as MM-DD.
 */
final class SegmentForms {
    private static final String MINOR = "whole number, minor units (cents; points as counted)";

    private SegmentForms() {
    }

    static List<Input> inputs(FilterCodec.Kind kind) {
        List<Input> in = new ArrayList<>();
        switch (kind) {
            case ACTIVATION, ENROLLMENT_DATE -> window(in);
            case ENROLLMENT_STATUS -> in.add(Input.select("enrolled", "Enrollment status", "yes",
                    List.of(new Option("yes", "Enrolled (members)"), new Option("no", "Not enrolled (identified, non-members)"))));
            case SCORE -> bounds(in, "Score", "0 to 100; cards without a score yet never match");
            case EVENTS -> {
                in.add(text("category", "Event category id", "empty: events of any category"));
                bounds(in, "Number of events", null);
                window(in);
            }
            case ISSUED_REDEEMED -> {
                in.add(Input.select("movement", "Issued or redeemed", "issued",
                        List.of(new Option("issued", "Issued"), new Option("redeemed", "Redeemed"))));
                balance(in, false);
                bounds(in, "Total", MINOR);
            }
            case ITEMS -> {
                in.add(text("sku", "SKU bought", "empty: any"));
                bounds(in, "Number of items", null);
            }
            case PURCHASES -> {
                in.add(Input.select("measure", "Measure", "spend", List.of(new Option("average_order_value",
                        "Average order value"), new Option("orders", "Number of orders"), new Option("spend", "Total spend"))));
                bounds(in, "Value", "orders as a count; spend and average order value in minor units");
            }
            case BALANCES -> {
                balance(in, true);
                bounds(in, "Available", "a balance in minor units; without a balance type, rewards available");
            }
            case OCCASION -> {
                in.add(Input.select("occasion", "Occasion", "birthday", List.of(new Option("birthday", "Birthday"),
                        new Option("enrollment_anniversary", "Enrollment anniversary"))));
                in.add(text("fromDay", "From day (MM-DD)", "month and day only; 29 February counts as 28 February "
                        + "in years without it"));
                in.add(text("toDay", "To day (MM-DD)", "may wrap over the new year, like 12-20 to 01-05"));
                in.add(text("daysAhead", "Or: today and the next days", "used when no days are given; 0 is today"));
            }
            case FIELDS_COMPLETED, FIELDS_SUM -> {
                in.add(text("fields", "Fields", "names separated by commas, e.g. firstName, postal, kids"));
                bounds(in, kind == FilterCodec.Kind.FIELDS_SUM ? "Sum" : "Fields completed", null);
            }
            case FIELD_VALUE -> {
                in.add(text("field", "Field", "a customer field or brand demographic name"));
                in.add(text("allowed", "Allowed values", "separated by commas; empty: any"));
                bounds(in, "Number", "for number fields");
            }
            case TEXT -> {
                in.add(text("field", "Field", "e.g. postal, city, state, firstName"));
                in.add(Input.select("match", "Match", "full", List.of(new Option("full", "The full text"),
                        new Option("prefix", "The start of the text"))));
                in.add(text("text", "Text", "case is ignored"));
            }
            case GENDER -> {
                in.add(text("gender", "Gender", "a value, e.g. F; or leave empty and choose below"));
                in.add(Input.select("specified", "Or: whether a gender was given", "yes",
                        List.of(new Option("yes", "Given"), new Option("no", "Not given"))));
            }
            case ADDRESS -> in.add(Input.of("circles", "Points", Kind.TEXTAREA, "",
                    "one a line: latitude, longitude, radius in metres; a card near any of them matches. Addresses "
                            + "need coordinates: the platform geocodes nothing"));
            case OWNING_LOCATION -> bounds(in, "Distance in metres", "-1 when the owning location (or the brand's "
                    + "default) or the address has no coordinates: set a minimum of 0 to leave those out");
        }
        return in;
    }

    private static void window(List<Input> in) {
        in.add(text("from", "From (YYYY-MM-DD)", null));
        in.add(text("to", "To (YYYY-MM-DD)", null));
        in.add(text("lastDays", "Or: in the last days", "e.g. 30; instead of dates"));
    }

    private static void bounds(List<Input> in, String what, String hint) {
        in.add(text("min", what + ": at least", hint));
        in.add(text("max", what + ": at most", null));
    }

    private static void balance(List<Input> in, boolean optional) {
        List<Option> types = new ArrayList<>();
        if (optional) {
            types.add(new Option("", "None: rewards available"));
        }
        for (String t : List.of("Currency", "Points", "Punches", "Custom")) {
            types.add(new Option(t, t));
        }
        in.add(new Input("balanceType", "Balance type", Kind.SELECT, optional ? "" : "Points", types, null, !optional, null));
        in.add(text("balanceCode", "Balance code", "currency code or custom name (Currency and Custom only)"));
    }

    private static Input text(String name, String label, String hint) {
        return Input.text(name, label, "", false, hint);
    }
}
