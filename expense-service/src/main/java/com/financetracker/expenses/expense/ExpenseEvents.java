package com.financetracker.expenses.expense;

import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.ExpenseDeleted;
import com.financetracker.platform.events.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells other services about every change to an expense, inside the transaction that makes it. */
@Component
class ExpenseEvents {

    private final Outbox outbox;

    ExpenseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void created(Expense expense) {
        ExpenseChanged created = changed(expense);
        outbox.publish(ExpenseChanged.CREATED, created.key(), created);
    }

    void createdAll(List<Expense> expenses) {
        outbox.publishAll(
                ExpenseChanged.CREATED,
                ExpenseChanged::key,
                expenses.stream().map(ExpenseEvents::changed).toList());
    }

    void updated(Expense expense) {
        ExpenseChanged updated = changed(expense);
        outbox.publish(ExpenseChanged.UPDATED, updated.key(), updated);
    }

    void deleted(UUID userId, UUID id, int lastVersion) {
        ExpenseDeleted deleted = new ExpenseDeleted(userId, id, lastVersion + 1);
        outbox.publish(ExpenseDeleted.TYPE, deleted.key(), deleted);
    }

    static ExpenseChanged changed(Expense expense) {
        return new ExpenseChanged(
                expense.userId(),
                expense.id(),
                expense.version(),
                expense.description(),
                expense.amount(),
                expense.currency(),
                expense.date(),
                expense.category());
    }
}
