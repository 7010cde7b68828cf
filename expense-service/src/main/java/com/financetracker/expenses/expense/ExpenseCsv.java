package com.financetracker.expenses.expense;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CSV form of expenses, the same for export and import so an export imports back unchanged: a header row
 * {@code date,amount,currency,category,description,tags}, tags separated by semicolons, CRLF line ends (RFC 4180).
 * Cells a spreadsheet would run as a formula are written with a leading apostrophe, which import removes again.
 */
public final class ExpenseCsv {

    public static final List<String> HEADER = List.of("date", "amount", "currency", "category", "description", "tags");
    public static final String TAG_SEPARATOR = ";";

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ExpenseCsv() {}

    /** Writes rows to a stream, starting with the header. */
    public static final class Writer implements AutoCloseable {

        private final CsvWriter csv;

        public Writer(OutputStream out) {
            java.io.Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
            csv.writeRecord(HEADER);
        }

        public void write(ExpenseResponse expense) {
            csv.writeRecord(
                    expense.date().toString(),
                    expense.amount(),
                    expense.currency(),
                    guard(expense.category()),
                    guard(expense.description() == null ? "" : expense.description()),
                    guard(String.join(TAG_SEPARATOR, expense.tags())));
        }

        @Override
        public void close() throws java.io.IOException {
            csv.close();
        }
    }

    /** The tags of a CSV cell. */
    public static List<String> tags(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(TAG_SEPARATOR, -1)).map(String::strip).toList();
    }

    /** A cell as written, without the apostrophe that kept a spreadsheet from running it as a formula. */
    public static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static String guard(String cell) {
        return needsGuard(cell) ? "'" + cell : cell;
    }

    /**
     * Whether a cell starts with a formula character, also behind apostrophes: a text that already starts with
     * {@code '=} gets one more, or import would take its own apostrophe off and the export would not import back.
     */
    private static boolean needsGuard(String cell) {
        int start = 0;
        while (start < cell.length() && cell.charAt(start) == '\'') {
            start++;
        }
        return start < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(start)) >= 0;
    }
}
