package com.financetracker.expenses.expense;

import com.financetracker.expenses.account.Accounts;
import com.financetracker.expenses.category.CategoryService;
import com.financetracker.expenses.config.ExpenseServiceProperties;
import com.financetracker.expenses.expense.ExpenseProblems.ExpenseNotFoundException;
import com.financetracker.expenses.expense.ExpenseProblems.IdempotencyKeyReusedException;
import com.financetracker.expenses.expense.ExpenseProblems.StaleVersionException;
import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A user's expenses. Every read and write is scoped to the user: another user's expense does not exist. */
@Service
public class ExpenseService {

    private static final Logger log = LoggerFactory.getLogger(ExpenseService.class);

    /** Expenses an export reads with one query. */
    private static final int EXPORT_PAGE_SIZE = 1000;

    /** Imported rows staged, or stored with their events, by one statement. */
    private static final int IMPORT_BATCH_SIZE = 1000;

    private final ExpenseRepository expenses;
    private final IdempotencyRepository idempotency;
    private final CategoryService categories;
    private final Accounts accounts;
    private final ExpenseRules rules;
    private final ExpenseEvents events;
    private final MergePatch mergePatch;
    private final JsonMapper json;
    private final ExpenseServiceProperties properties;
    private final Clock clock;

    ExpenseService(
            ExpenseRepository expenses,
            IdempotencyRepository idempotency,
            CategoryService categories,
            Accounts accounts,
            ExpenseRules rules,
            ExpenseEvents events,
            MergePatch mergePatch,
            JsonMapper json,
            ExpenseServiceProperties properties,
            Clock clock) {
        this.expenses = expenses;
        this.idempotency = idempotency;
        this.categories = categories;
        this.accounts = accounts;
        this.rules = rules;
        this.events = events;
        this.mergePatch = mergePatch;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A created expense, or the first answer to an earlier request with the same idempotency key: a replay answers as
     * the first request was answered, so the answer is kept as the client got it.
     */
    record Created(ExpenseResponse expense, boolean replayed) {}

    /** A page of a list, the cursor of the next page if there is one, and how many expenses the whole list holds. */
    record Page(List<Expense> expenses, @Nullable String nextCursor, long total) {}

    @Transactional
    Created create(AuthenticatedUser user, ExpenseRequest request, @Nullable String idempotencyKey) {
        accounts.ensureOpen(user.id());
        ExpenseDraft draft = rules.require(request, user.defaultCurrency());
        byte[] requestHash = draft.fingerprint();
        if (idempotencyKey != null && !idempotency.claim(user.id(), idempotencyKey, requestHash)) {
            IdempotencyRepository.StoredAnswer first = idempotency
                    .find(user.id(), idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("claimed idempotency key vanished"));
            if (!Arrays.equals(first.requestHash(), requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Created(json.readValue(first.response(), ExpenseResponse.class), true);
        }
        Expense stored = expenses.insert(user.id(), draft, categoryId(user.id(), draft));
        events.created(stored);
        ExpenseResponse created = ExpenseResponse.of(stored);
        if (idempotencyKey != null) {
            idempotency.complete(user.id(), idempotencyKey, created.id(), json.writeValueAsString(created));
        }
        return new Created(created, false);
    }

    @Transactional(readOnly = true)
    Expense get(UUID userId, UUID id) {
        return expenses.find(userId, id).orElseThrow(() -> ExpenseNotFoundException.forId(id));
    }

    @Transactional
    Expense replace(AuthenticatedUser user, UUID id, ExpenseRequest request, IfMatch ifMatch) {
        accounts.ensureOpen(user.id());
        ExpenseDraft draft = rules.require(request, user.defaultCurrency());
        return update(user.id(), id, draft, ifMatch);
    }

    @Transactional
    Expense patch(AuthenticatedUser user, UUID id, JsonNode patch, IfMatch ifMatch) {
        accounts.ensureOpen(user.id());
        Expense current = get(user.id(), id);
        ExpenseRequest patched = mergePatch.merge(current.asRequest(), patch);
        ExpenseDraft draft = rules.require(patched, current.currency());
        return update(user.id(), id, draft, ifMatch);
    }

    @Transactional
    void delete(UUID userId, UUID id, IfMatch ifMatch) {
        int deletedVersion = expenses.delete(userId, id, ifMatch.required()).orElseThrow(() -> failedWrite(userId, id));
        events.deleted(userId, id, deletedVersion);
    }

    @Transactional(readOnly = true)
    Page list(UUID userId, ExpenseFilter filter, ExpenseSort sort, @Nullable String cursor, int limit) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor, sort);
        List<Expense> rows = expenses.page(userId, filter, sort, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Expense> page = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorAfter(sort, page.getLast()).encode() : null;
        return new Page(page, next, expenses.count(userId, filter));
    }

    /**
     * Every expense the filter selects, in order, read a page at a time with the list's keyset cursor: each page is
     * one short query, so a connection is held while a page is read, never while a slow client takes it in.
     */
    void forEach(UUID userId, ExpenseFilter filter, ExpenseSort sort, Consumer<Expense> consumer) {
        Cursor after = null;
        List<Expense> page;
        do {
            page = expenses.page(userId, filter, sort, after, EXPORT_PAGE_SIZE);
            page.forEach(consumer);
            after = page.isEmpty() ? null : cursorAfter(sort, page.getLast());
        } while (page.size() == EXPORT_PAGE_SIZE);
    }

    /** The valid rows of an import as they are read, and whether to store them once all are read. */
    @FunctionalInterface
    public interface ImportRows {

        /** Gives every valid row to the sink, in the order of the file; true to store them, false to only count. */
        boolean readInto(Consumer<ExpenseDraft> sink);
    }

    /**
     * Stores imported expenses, skipping the ones the user already has: an expense with the same content counts as
     * already there as many times as the user has it, so importing a file twice adds nothing, while a file that holds
     * the same expense twice adds both the first time. The rows are staged in the database as they are read, so the
     * memory an import takes does not grow with the file; one import of a user runs at a time.
     */
    @Transactional
    public ImportCount importAll(UUID userId, ImportRows rows) {
        accounts.ensureOpen(userId);
        expenses.lockForImport(userId);
        expenses.createImportStage();
        Stage stage = new Stage();
        boolean store = rows.readInto(stage);
        stage.flush();
        int duplicates = expenses.unstageDuplicates(userId);
        int fresh = stage.staged - duplicates;
        if (store && fresh > 0) {
            List<String> names = expenses.stagedCategories();
            Map<String, UUID> ids = categories.resolve(userId, names);
            expenses.assignStagedCategories(names.stream()
                    .collect(Collectors.toMap(name -> name, name -> ids.get(name.toLowerCase(Locale.ROOT)))));
            for (List<Expense> stored = expenses.storeStaged(userId, IMPORT_BATCH_SIZE);
                    !stored.isEmpty();
                    stored = expenses.storeStaged(userId, IMPORT_BATCH_SIZE)) {
                events.createdAll(stored);
            }
        }
        return new ImportCount(fresh, duplicates);
    }

    /** How many expenses an import adds, and how many it found already there. */
    public record ImportCount(int imported, int duplicates) {}

    /** Collects rows into batches and stages each batch with one statement. */
    private final class Stage implements Consumer<ExpenseDraft> {

        private final List<ExpenseDraft> batch = new ArrayList<>(IMPORT_BATCH_SIZE);
        private int staged;

        @Override
        public void accept(ExpenseDraft draft) {
            batch.add(draft);
            if (batch.size() == IMPORT_BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                expenses.stage(staged + 1, batch);
                staged += batch.size();
                batch.clear();
            }
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldIdempotencyKeys() {
        int deleted = idempotency.deleteCreatedBefore(clock.instant().minus(properties.idempotencyKeyTtl()));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys older than {}", deleted, properties.idempotencyKeyTtl());
        }
    }

    private Expense update(UUID userId, UUID id, ExpenseDraft draft, IfMatch ifMatch) {
        UUID categoryId = categoryId(userId, draft);
        Expense updated = expenses.update(userId, id, draft, categoryId, ifMatch.required())
                .orElseThrow(() -> failedWrite(userId, id));
        events.updated(updated);
        return updated;
    }

    /** Why a conditional write changed nothing: no such expense (404), or its version moved on (412). */
    private RuntimeException failedWrite(UUID userId, UUID id) {
        return expenses.find(userId, id)
                .<RuntimeException>map(current -> new StaleVersionException(current.etag()))
                .orElseGet(() -> ExpenseNotFoundException.forId(id));
    }

    private static Cursor cursorAfter(ExpenseSort sort, Expense last) {
        return new Cursor(sort, sort.valueOf(last), last.id());
    }

    private UUID categoryId(UUID userId, ExpenseDraft draft) {
        return categories
                .resolve(userId, List.of(draft.category()))
                .get(draft.category().toLowerCase(Locale.ROOT));
    }
}
