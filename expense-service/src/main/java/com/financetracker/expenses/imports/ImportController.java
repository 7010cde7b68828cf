package com.financetracker.expenses.imports;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Expenses")
@RestController
class ImportController {

    private final ExpenseImporter importer;

    ImportController(ExpenseImporter importer) {
        this.importer = importer;
    }

    @Operation(
            summary = "Import expenses from CSV",
            description = "Header row date,amount,currency,category,description,tags (currency, description and tags"
                    + " may be left out; tags are separated by semicolons). Rows with errors are reported by line and"
                    + " not imported; the others are, unless atomic=true. Rows already there are counted as"
                    + " duplicates, so importing a file again adds nothing. dryRun=true only checks. At most 10 MB.")
    @PostMapping(path = "/expenses/import", consumes = "text/csv")
    ImportResult importCsv(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean atomic,
            HttpServletRequest request)
            throws IOException, PayloadTooLargeException {
        return importer.importCsv(user.id(), user.defaultCurrency(), request.getInputStream(), dryRun, atomic);
    }
}
