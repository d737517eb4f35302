package io.tally.backoffice.accounting;

import io.tally.domain.report.export.CsvOut;
import java.util.List;

/**
 * A table as CSV (RFC 4180: comma-separated, CRLF line ends, fields holding a comma, quote or line break quoted), safe
 * to open in a spreadsheet: a text starting with {@code = + - @}, a tab or a carriage return would be read as a formula
 * (CSV injection), so it gets a leading {@code '}. A plain number ({@code -12.50}) is left as it is: it cannot be a
 * formula, and a spreadsheet must still read a negative balance as a number.
 */
public final class Csv {
    private Csv() {
    }

    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** One field, defused and quoted as needed (the Report Center's rule: {@link CsvOut#escape}). */
    static String field(String text) {
        return CsvOut.escape(text);
    }
}
