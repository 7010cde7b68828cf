package com.financetracker.expenses.imports;

import com.financetracker.expenses.config.ExpenseServiceProperties;
import com.financetracker.expenses.expense.ExpenseCsv;
import com.financetracker.expenses.expense.ExpenseDraft;
import com.financetracker.expenses.expense.ExpenseRequest;
import com.financetracker.expenses.expense.ExpenseRules;
import com.financetracker.expenses.expense.ExpenseService;
import com.financetracker.platform.web.FieldProblem;
import com.financetracker.platform.web.PayloadTooLargeException;
import com.financetracker.platform.web.ProblemException;
import com.financetracker.platform.web.ProblemType;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Reads a CSV file of expenses, checks every row with the same rules as the API, and stores the valid rows that are
 * not already there. Rows are reported by their line in the file (the header is line 1).
 */
@Service
class ExpenseImporter {

    private static final List<String> REQUIRED = List.of("date", "amount", "category");

    /**
     * Line errors an answer lists; the others are only counted. A file of 10 MB can hold millions of bad lines, and
     * keeping a message for each took more memory than the service has.
     */
    static final int REPORTED_ERRORS = 100;

    private final ExpenseRules rules;
    private final ExpenseService expenses;
    private final Semaphore running;

    ExpenseImporter(ExpenseRules rules, ExpenseService expenses, ExpenseServiceProperties properties) {
        this.rules = rules;
        this.expenses = expenses;
        this.running = new Semaphore(properties.maxConcurrentImports());
    }

    /** Imports a file, or refuses with 429 at once when as many imports as allowed are running. */
    ImportResult importCsv(
            UUID userId, @Nullable String defaultCurrency, InputStream csv, boolean dryRun, boolean atomic)
            throws PayloadTooLargeException {
        if (!running.tryAcquire()) {
            ProblemException busy = ProblemException.of(
                    ProblemType.TOO_MANY_REQUESTS, "Other imports are running; try again in a few seconds");
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            throw busy;
        }
        try {
            return run(userId, defaultCurrency, csv, dryRun, atomic);
        } finally {
            running.release();
        }
    }

    private ImportResult run(
            UUID userId, @Nullable String defaultCurrency, InputStream csv, boolean dryRun, boolean atomic)
            throws PayloadTooLargeException {
        LineErrors errors = new LineErrors();
        ExpenseService.ImportCount count;
        try {
            count = expenses.importAll(userId, sink -> {
                read(csv, defaultCurrency, sink, errors);
                return !dryRun && !(atomic && errors.count > 0);
            });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "The file could not be read to the end");
        } catch (CsvParseException e) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "The file is not valid CSV: " + e.getMessage());
        }
        int imported = atomic && errors.count > 0 ? 0 : count.imported();
        return new ImportResult(imported, count.duplicates(), errors.first, errors.count, dryRun);
    }

    /** Reads the file to its end, giving each valid row to the sink and noting each invalid one. */
    private void read(
            InputStream csv, @Nullable String defaultCurrency, Consumer<ExpenseDraft> sink, LineErrors errors) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw ProblemException.of(
                        ProblemType.VALIDATION,
                        "The file is empty; it needs a header row " + String.join(",", ExpenseCsv.HEADER));
            }
            Map<String, Integer> columns = columns(records.next());
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (record.getFieldCount() > columns.size()) {
                    errors.add(
                            record.getStartingLineNumber(),
                            "has " + record.getFieldCount() + " fields but the header names " + columns.size());
                    continue;
                }
                row(record, columns, defaultCurrency, sink, errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column positions by name, from the header row. */
    private static Map<String, Integer> columns(CsvRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip().toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null && !name.isEmpty()) {
                throw ProblemException.of(
                        ProblemType.VALIDATION, "The header row names the column '" + name + "' twice");
            }
        }
        List<String> missing =
                REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.of(
                    ProblemType.VALIDATION,
                    "The header row must name the columns " + String.join(", ", REQUIRED) + " (and may name "
                            + "currency, description, tags); missing: " + String.join(", ", missing));
        }
        return columns;
    }

    private void row(
            CsvRecord record,
            Map<String, Integer> columns,
            @Nullable String defaultCurrency,
            Consumer<ExpenseDraft> sink,
            LineErrors errors) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = null;
        String dateCell = cell(record, columns, "date");
        if (!dateCell.isEmpty()) {
            try {
                date = LocalDate.parse(dateCell);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("date", "must be a date (YYYY-MM-DD)"));
            }
        }
        BigDecimal amount = null;
        String amountCell = cell(record, columns, "amount");
        if (!amountCell.isEmpty()) {
            try {
                amount = new BigDecimal(amountCell);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("amount", "must be a number such as 12.50"));
            }
        }
        String currency = cell(record, columns, "currency");
        ExpenseRequest request = new ExpenseRequest(
                amount,
                currency.isEmpty() ? null : currency,
                cell(record, columns, "category"),
                cell(record, columns, "description"),
                date,
                ExpenseCsv.tags(cell(record, columns, "tags")));
        ExpenseRules.Checked checked = rules.check(request, defaultCurrency);
        checked.problems().stream()
                .filter(problem -> problems.stream().noneMatch(p -> p.field().equals(problem.field())))
                .forEach(problems::add);
        if (problems.isEmpty() && checked.draft() != null) {
            sink.accept(checked.draft());
        } else {
            errors.add(
                    record.getStartingLineNumber(),
                    problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
    }

    private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.getFieldCount()) {
            return "";
        }
        return ExpenseCsv.unguard(record.getField(index).strip());
    }

    /** The rows that cannot be imported: all of them counted, the first {@value #REPORTED_ERRORS} kept to report. */
    private static final class LineErrors {

        private final List<ImportResult.LineError> first = new ArrayList<>();
        private int count;

        void add(long line, String message) {
            if (first.size() < REPORTED_ERRORS) {
                first.add(new ImportResult.LineError(line, message));
            }
            count++;
        }
    }
}
