package com.financetracker.web.imports;

import com.financetracker.web.api.ApiProblemException;
import com.financetracker.web.api.ExpensesApi;
import com.financetracker.web.api.ImportResult;
import com.financetracker.web.api.ServiceUnavailableException;
import com.financetracker.web.session.Callers;
import com.financetracker.web.session.SignedInUser;
import com.financetracker.web.view.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import in two steps: the upload is checked by the expense service's dry run (what would be imported, what is
 * already there, which lines are wrong and why), and only the person's confirmation imports it.
 */
@Controller
class ImportController {

    private final ExpensesApi expenses;
    private final Callers callers;
    private final PendingImports pending;

    ImportController(ExpensesApi expenses, Callers callers, PendingImports pending) {
        this.expenses = expenses;
        this.callers = callers;
        this.pending = pending;
    }

    @GetMapping("/import")
    String form(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "imports/upload";
    }

    @PostMapping("/import")
    String preview(
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.field("file", "Choose a CSV file to import."));
            return "imports/upload";
        }
        byte[] content = file.getBytes();
        String name = file.getOriginalFilename() == null ? "expenses.csv" : file.getOriginalFilename();
        ImportResult result;
        try {
            result = expenses.importCsv(callers.current(), content, true);
        } catch (ApiProblemException e) {
            response.setStatus(400);
            model.addAttribute(
                    "errors",
                    FormErrors.field("file", "This file cannot be imported: " + lower(FormErrors.describe(e))));
            return "imports/upload";
        } catch (ServiceUnavailableException e) {
            response.setStatus(503);
            model.addAttribute("errors", FormErrors.general(e.sentence()));
            return "imports/upload";
        }
        UUID id = result.imported() > 0 ? pending.keep(Callers.signedIn().tokensId(), name, content) : null;
        model.addAttribute("fileName", name);
        model.addAttribute("result", result);
        model.addAttribute("pendingId", id == null ? "" : id.toString());
        return "imports/preview";
    }

    @PostMapping("/import/{id}/confirm")
    String confirm(@PathVariable UUID id, HttpServletResponse response, Model model) {
        SignedInUser user = Callers.signedIn();
        PendingImports.Pending file = pending.find(id, user.tokensId()).orElse(null);
        if (file == null) {
            response.setStatus(404);
            model.addAttribute(
                    "errors", FormErrors.general("That upload has expired or was already imported. Upload it again."));
            return "imports/upload";
        }
        ImportResult result = expenses.importCsv(callers.current(), file.content(), false);
        pending.remove(id);
        model.addAttribute("fileName", file.fileName());
        model.addAttribute("result", result);
        return "imports/done";
    }

    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
