package com.financetracker.expenses.imports;

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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads a CSV file of expenses, checks every row with the same rules as the API, and stores the valid rows that are
 * not already there. Rows are reported by their line in the file (the header is line 1).
 */
@Service
class ExpenseImporter {

    private static final List<String> REQUIRED = List.of("date", "amount", "category");

    private final ExpenseRules rules;
    private final ExpenseService expenses;

    ExpenseImporter(ExpenseRules rules, ExpenseService expenses) {
        this.rules = rules;
        this.expenses = expenses;
    }

    ImportResult importCsv(
            UUID userId, @Nullable String defaultCurrency, InputStream csv, boolean dryRun, boolean atomic)
            throws PayloadTooLargeException {
        List<ExpenseDraft> drafts = new ArrayList<>();
        List<ImportResult.LineError> errors = new ArrayList<>();
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
                    errors.add(new ImportResult.LineError(
                            record.getStartingLineNumber(),
                            "has " + record.getFieldCount() + " fields but the header names " + columns.size()));
                    continue;
                }
                row(record, columns, defaultCurrency, drafts, errors);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "The file could not be read to the end");
        } catch (CsvParseException e) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST, "The file is not valid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (atomic && !errors.isEmpty()) {
            ExpenseService.ImportCount wouldBe = expenses.importAll(userId, drafts, false);
            return new ImportResult(0, wouldBe.duplicates(), errors, dryRun);
        }
        ExpenseService.ImportCount count = expenses.importAll(userId, drafts, !dryRun);
        return new ImportResult(count.imported(), count.duplicates(), errors, dryRun);
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
            List<ExpenseDraft> drafts,
            List<ImportResult.LineError> errors) {
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
            drafts.add(checked.draft());
        } else {
            errors.add(new ImportResult.LineError(
                    record.getStartingLineNumber(),
                    problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "))));
        }
    }

    private static String cell(CsvRecord record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.getFieldCount()) {
            return "";
        }
        return ExpenseCsv.unguard(record.getField(index).strip());
    }
}
