package com.financetracker.expenses.expense;

import com.financetracker.expenses.account.Accounts;
import com.financetracker.expenses.category.CategoryService;
import com.financetracker.expenses.config.ExpenseServiceProperties;
import com.financetracker.expenses.expense.ExpenseProblems.ExpenseNotFoundException;
import com.financetracker.expenses.expense.ExpenseProblems.IdempotencyKeyReusedException;
import com.financetracker.expenses.expense.ExpenseProblems.StaleVersionException;
import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        String next = more
                ? new Cursor(sort, sort.valueOf(page.getLast()), page.getLast().id()).encode()
                : null;
        return new Page(page, next, expenses.count(userId, filter));
    }

    /** Every expense the filter selects, in order, streamed from the database inside one read-only transaction. */
    @Transactional(readOnly = true)
    void forEach(UUID userId, ExpenseFilter filter, ExpenseSort sort, Consumer<Expense> consumer) {
        expenses.forEach(userId, filter, sort, consumer);
    }

    /**
     * Stores imported expenses, skipping the ones the user already has: an expense with the same content counts as
     * already there as many times as the user has it, so importing a file twice adds nothing, while a file that holds
     * the same expense twice adds both the first time.
     *
     * @param store false to only count what would be imported
     */
    @Transactional
    public ImportCount importAll(UUID userId, List<ExpenseDraft> drafts, boolean store) {
        accounts.ensureOpen(userId);
        expenses.lockForImport(userId);
        Map<ByteBuffer, Integer> existing = expenses.countByFingerprint(
                userId,
                drafts.stream().map(ExpenseDraft::fingerprint).distinct().toList());
        List<ExpenseDraft> fresh = new ArrayList<>();
        for (ExpenseDraft draft : drafts) {
            ByteBuffer fingerprint = ByteBuffer.wrap(draft.fingerprint());
            int left = existing.getOrDefault(fingerprint, 0);
            if (left > 0) {
                existing.put(fingerprint, left - 1);
            } else {
                fresh.add(draft);
            }
        }
        if (store && !fresh.isEmpty()) {
            Set<String> names = fresh.stream().map(ExpenseDraft::category).collect(Collectors.toSet());
            events.createdAll(expenses.insertAll(userId, fresh, categories.resolve(userId, names)));
        }
        return new ImportCount(fresh.size(), drafts.size() - fresh.size());
    }

    /** How many expenses an import adds, and how many it found already there. */
    public record ImportCount(int imported, int duplicates) {}

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

    private UUID categoryId(UUID userId, ExpenseDraft draft) {
        return categories
                .resolve(userId, List.of(draft.category()))
                .get(draft.category().toLowerCase(Locale.ROOT));
    }
}
