package io.tally.domain.report.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV rows (RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or line break) to a
 * stream, buffered, counting rows. A field starting with {@code = + - @}, a tab or a carriage return is prefixed with
 * a quote mark so a spreadsheet never runs it as a formula (CSV injection: text fields such as external ids come from
 * tills); a plain number ({@code -12.50}) is left as it is, so a negative balance still reads as a number. The back
 * office's downloads use the same {@link #escape}.
 */
public final class CsvOut {
    private final Writer out;
    private long rows;

    public CsvOut(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }

    public void header(List<String> names) {
        line(names);
    }

    public void row(List<String> fields) {
        line(fields);
        rows++;
    }

    /** Rows written (the header not counted). */
    public long rows() {
        return rows;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field, defused and quoted as needed. */
    public static String escape(String field) {
        String f = field == null ? "" : field;
        if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 && !isNumber(f)) {
            f = "'" + f;
        }
        if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }

    private static boolean isNumber(String f) {
        return f.matches("[-+]?[0-9]+(\\.[0-9]+)?");
    }
}
