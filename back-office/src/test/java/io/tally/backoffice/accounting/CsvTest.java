package io.tally.backoffice.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void texts_a_spreadsheet_would_run_as_formulas_get_a_leading_quote() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", Csv.field("=HYPERLINK(\"x\")").replaceAll("^\"|\"$", ""));
        assertEquals("'+1+2", Csv.field("+1+2"));
        assertEquals("'-1+2", Csv.field("-1+2"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
    }

    @Test
    void plain_numbers_stay_numbers_even_when_negative() {
        assertEquals("-12.50", Csv.field("-12.50"));
        assertEquals("0", Csv.field("0"));
        assertEquals("Currency:USD", Csv.field("Currency:USD"));
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_lines_end_in_crlf() {
        assertEquals("Location,Value type\r\n\"Main St, \"\"East\"\"\",Points\r\n",
                Csv.of(List.of("Location", "Value type"), List.of(List.of("Main St, \"East\"", "Points"))));
    }
}
