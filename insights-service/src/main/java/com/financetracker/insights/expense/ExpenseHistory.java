package com.financetracker.insights.expense;

import com.financetracker.contracts.CategoriesMerged;
import com.financetracker.contracts.CategoryRenamed;
import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.ExpenseDeleted;
import com.financetracker.insights.account.UserDataOwner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's expenses as this service knows them. Changes come from the expense service's events (and from a
 * rebuild); a change to what a person's expenses are labelled puts the person on the queue of models to train again.
 */
@Service
public class ExpenseHistory implements UserDataOwner {

    private final ExpenseRepository expenses;

    ExpenseHistory(ExpenseRepository expenses) {
        this.expenses = expenses;
    }

    @Transactional
    void apply(ExpenseChanged expense) {
        if (expenses.store(expense)) {
            expenses.markChanged(expense.userId());
        }
    }

    @Transactional
    void apply(ExpenseDeleted deleted) {
        if (expenses.delete(deleted.userId(), deleted.expenseId(), deleted.version())) {
            expenses.markChanged(deleted.userId());
        }
    }

    @Transactional
    void apply(CategoryRenamed renamed) {
        if (expenses.recategorize(renamed.userId(), renamed.from(), renamed.to(), false) > 0) {
            expenses.markChanged(renamed.userId());
        }
    }

    @Transactional
    void apply(CategoriesMerged merged) {
        if (expenses.recategorize(merged.userId(), merged.from(), merged.into(), true) > 0) {
            expenses.markChanged(merged.userId());
        }
    }

    /** Every expense of the person, oldest recorded first. */
    @Transactional(readOnly = true)
    public List<KnownExpense> all(UUID userId) {
        return expenses.all(userId);
    }

    /** The person's expenses recorded here after the instant (at most the latest {@code limit}), oldest first. */
    @Transactional(readOnly = true)
    public List<KnownExpense> recordedAfter(UUID userId, Instant after, int limit) {
        return expenses.recordedAfter(userId, after, limit);
    }

    /** The person's expenses dated within the days given (both included), by date. */
    @Transactional(readOnly = true)
    public List<KnownExpense> between(UUID userId, LocalDate from, LocalDate to) {
        return expenses.between(userId, from, to);
    }

    /** People whose labelled expenses changed since their model was last trained, longest waiting first. */
    @Transactional(readOnly = true)
    public List<Change> changes(int limit) {
        return expenses.changedPeople(limit).stream()
                .map(person -> new Change(person.userId(), person.changedAt()))
                .toList();
    }

    /** Puts the person on the queue of models to train again, as a change to their expenses does. */
    @Transactional
    public void retrainLater(UUID userId) {
        expenses.markChanged(userId);
    }

    /** Marks a change as taken into account, unless the person's expenses changed again since. */
    @Transactional
    public void done(Change change) {
        expenses.unmarkChanged(change.userId(), change.changedAt());
    }

    /** A person whose labelled expenses changed, and when they last did. */
    public record Change(UUID userId, Instant changedAt) {}

    @Override
    @Transactional
    public int deleteAll(UUID userId) {
        return expenses.purge(userId);
    }
}
