package com.financetracker.expenses.expense;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@Tag(name = "Expenses", description = "Your expenses; another user's expense answers 404")
@RestController
@RequestMapping("/expenses")
class ExpenseController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    // amounts are stored as numeric(17, 4); a bound far outside that overflowed the database's numeric encoding
    private static final String AMOUNT_DIGITS = "must be a number with at most 13 digits before the point and 4 after";

    private final ExpenseService expenses;

    ExpenseController(ExpenseService expenses) {
        this.expenses = expenses;
    }

    @Operation(
            summary = "Record an expense",
            description = "With an Idempotency-Key header, repeating the request returns the first answer and creates"
                    + " nothing; the same key with a different body is 422.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExpenseResponse> create(
            AuthenticatedUser user,
            @RequestBody ExpenseRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
                    @Nullable
                    String idempotencyKey) {
        ExpenseService.Created created = expenses.create(user, request, idempotencyKey);
        ExpenseResponse expense = created.expense();
        return ResponseEntity.created(URI.create("/expenses/" + expense.id()))
                .eTag(etag(expense))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(expense);
    }

    @Operation(summary = "One expense", description = "Answers 304 when If-None-Match holds its current ETag.")
    @GetMapping("/{id}")
    ResponseEntity<ExpenseResponse> get(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        Expense expense = expenses.get(user.id(), id);
        if (expense.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(expense.etag())
                    .build();
        }
        return ResponseEntity.ok().eTag(expense.etag()).body(ExpenseResponse.of(expense));
    }

    @Operation(summary = "Replace an expense", description = "If-Match with a stale ETag is 412.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExpenseResponse> replace(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestBody ExpenseRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return updated(expenses.replace(user, id, request, IfMatch.parse(ifMatch)));
    }

    @Operation(
            summary = "Change part of an expense",
            description = "A JSON merge patch (RFC 7396): absent fields keep their value. If-Match with a stale"
                    + " ETag is 412.")
    @PatchMapping(
            path = "/{id}",
            consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ExpenseResponse> patch(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return updated(expenses.patch(user, id, patch, IfMatch.parse(ifMatch)));
    }

    @Operation(summary = "Delete an expense", description = "If-Match with a stale ETag is 412.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        expenses.delete(user.id(), id, IfMatch.parse(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "List your expenses",
            description = "A JSON array, newest date first by default; the next page is in the Link header and the"
                    + " number of matching expenses in X-Total-Count. With Accept: text/csv, every matching expense"
                    + " (all pages) as CSV.")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        array = @ArraySchema(schema = @Schema(implementation = ExpenseResponse.class))),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Object list(
            AuthenticatedUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @Parameter(description = "repeatable; category names, any case") @RequestParam(required = false) @Nullable
                    List<@Size(max = 50) String> category,
            @Parameter(description = "repeatable") @RequestParam(required = false) @Nullable
                    List<@Size(max = 30) String> tag,
            @RequestParam(required = false) @Size(min = 3, max = 3) @Nullable String currency,
            @RequestParam(required = false) @Digits(integer = 13, fraction = 4, message = AMOUNT_DIGITS) @Nullable
                    BigDecimal minAmount,
            @RequestParam(required = false) @Digits(integer = 13, fraction = 4, message = AMOUNT_DIGITS) @Nullable
                    BigDecimal maxAmount,
            @Parameter(description = "text the description contains, any case")
                    @RequestParam(required = false)
                    @Size(max = 100)
                    @Nullable
                    String q,
            @Parameter(description = "-date (default), date, -amount, amount or -createdAt")
                    @RequestParam(defaultValue = "-date")
                    String sort,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) @Size(max = 500) @Nullable String cursor,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletRequest request,
            HttpServletResponse servletResponse) {
        ExpenseSort order = ExpenseSort.fromParameter(sort)
                .orElseThrow(() -> ProblemException.invalidField(
                        "sort", "must be one of -date, date, -amount, amount, -createdAt"));
        ExpenseFilter.requireValidDates(from, to);
        ExpenseFilter filter = new ExpenseFilter(
                from,
                to,
                category == null ? List.of() : category,
                tag == null ? List.of() : tag,
                currency,
                minAmount,
                maxAmount,
                q == null || q.isBlank() ? null : q.strip());
        if (prefersCsv(accept)) {
            StreamingResponseBody body = out -> {
                try (ExpenseCsv.Writer csv = new ExpenseCsv.Writer(out)) {
                    expenses.forEach(user.id(), filter, order, expense -> csv.write(ExpenseResponse.of(expense)));
                }
            };
            // returned bare: Spring streams a ResponseEntity's body only when the method declares
            // ResponseEntity<StreamingResponseBody>, and this method also answers JSON
            servletResponse.setContentType(new MediaType(CSV, StandardCharsets.UTF_8).toString());
            servletResponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"expenses.csv\"");
            return body;
        }
        ExpenseService.Page page = expenses.list(user.id(), filter, order, cursor, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total()));
        if (page.nextCursor() != null) {
            String next = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(page.expenses().stream().map(ExpenseResponse::of).toList());
    }

    /** Whether the client's most preferred acceptable type is CSV rather than JSON. */
    static boolean prefersCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return accepted.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .filter(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(CSV))
                .findFirst()
                .map(type -> CSV.includes(type) && !type.isWildcardType())
                .orElse(false);
    }

    private static ResponseEntity<ExpenseResponse> updated(Expense expense) {
        return ResponseEntity.ok().eTag(expense.etag()).body(ExpenseResponse.of(expense));
    }

    private static String etag(ExpenseResponse expense) {
        return "\"" + expense.version() + "\"";
    }
}
