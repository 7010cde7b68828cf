package com.financetracker.expenses.expense;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.platform.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@Tag(name = "Expenses", description = "Your expenses; another user's expense answers 404")
@RestController
@RequestMapping("/expenses")
class ExpenseController {

    private static final String CSV_VALUE = "text/csv";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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

    // GET /expenses has a handler per representation. Spring MVC picks the one whose type the Accept header prefers
    // (quality first, then the more specific type); when both are equally acceptable (no Accept, or any type), the
    // JSON one wins, as application/json sorts before text/csv. A header naming neither, or one that cannot be read,
    // is a 406 problem. ListRepresentationTest pins the choice for each kind of header.

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
                @Content(mediaType = CSV_VALUE, schema = @Schema(type = "string"))
            })
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<ExpenseResponse>> list(
            AuthenticatedUser user, @ParameterObject @QueryParameters ExpenseQuery query, HttpServletRequest request) {
        ExpenseService.Page page =
                expenses.list(user.id(), query.filter(), query.order(), query.cursor(), query.pageSize());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total()));
        if (page.nextCursor() != null) {
            String next = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString())
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.expenses().stream().map(ExpenseResponse::of).toList());
    }

    @Operation(hidden = true)
    @GetMapping(produces = CSV_VALUE)
    ResponseEntity<StreamingResponseBody> export(AuthenticatedUser user, @QueryParameters ExpenseQuery query) {
        ExpenseFilter filter = query.filter();
        ExpenseSort order = query.order();
        StreamingResponseBody body = out -> {
            try (ExpenseCsv.Writer csv = new ExpenseCsv.Writer(out)) {
                expenses.forEach(user.id(), filter, order, expense -> csv.write(ExpenseResponse.of(expense)));
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(CSV_VALUE), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("expenses.csv")
                                .build()
                                .toString())
                .body(body);
    }

    private static ResponseEntity<ExpenseResponse> updated(Expense expense) {
        return ResponseEntity.ok().eTag(expense.etag()).body(ExpenseResponse.of(expense));
    }

    private static String etag(ExpenseResponse expense) {
        return "\"" + expense.version() + "\"";
    }
}
