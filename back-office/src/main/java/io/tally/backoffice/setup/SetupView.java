package io.tally.backoffice.setup;

import io.tally.backoffice.http.View.FieldError;
import java.util.List;

/**
 * What the setup pages show, in the one generic shape {@code setup/section.jte} renders: tables of what exists and, for
 * staff who may change the setup, forms. Values are plain text, already formatted; {@code null} means absent.
 */
public final class SetupView {
    private SetupView() {
    }

    /** A page of the setup section: a heading, a sentence, tables, forms and the form's errors. */
    public record Section(String heading, String intro, List<Link> links, List<Table> tables, List<Form> forms,
                          List<FieldError> errors) {
        public Section {
            links = List.copyOf(links);
            tables = List.copyOf(tables);
            forms = List.copyOf(forms);
            errors = List.copyOf(errors);
        }
    }

    public record Link(String href, String label) {
    }

    /** A table with a caption; {@code empty} is shown instead of an empty body. */
    public record Table(String caption, List<String> headers, List<Row> rows, String empty) {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    /** A row: its cells, an optional link (edit) and an optional one-button form (revoke, remove). */
    public record Row(List<String> cells, Link link, Link post) {
        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(List<String> cells, Link link) {
            return new Row(cells, link, null);
        }
    }

    /** A form posting to {@code action}. */
    public record Form(String heading, String action, String submit, List<Input> inputs) {
        public Form {
            inputs = List.copyOf(inputs);
        }
    }

    /** The kinds of input a setup form has. */
    public enum Kind { TEXT, PASSWORD, SELECT, CHECKBOX, TEXTAREA }

    /** An input; {@code options} only for a select; a checkbox is checked when its value is {@code "on"}. */
    public record Input(String name, String label, Kind kind, String value, List<Option> options, String hint,
                        boolean required, String error) {
        public Input {
            options = List.copyOf(options);
            value = value == null ? "" : value;
        }

        public static Input text(String name, String label, String value, boolean required, String hint) {
            return new Input(name, label, Kind.TEXT, value, List.of(), hint, required, null);
        }

        public static Input select(String name, String label, String value, List<Option> options) {
            return new Input(name, label, Kind.SELECT, value, options, null, true, null);
        }

        public static Input of(String name, String label, Kind kind, String value, String hint) {
            return new Input(name, label, kind, value, List.of(), hint, false, null);
        }
    }

    public record Option(String value, String label) {
    }
}
