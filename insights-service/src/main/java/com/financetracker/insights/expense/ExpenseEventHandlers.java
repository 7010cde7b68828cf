package com.financetracker.insights.expense;

import com.financetracker.contracts.CategoriesMerged;
import com.financetracker.contracts.CategoryRenamed;
import com.financetracker.contracts.ExpenseChanged;
import com.financetracker.contracts.ExpenseDeleted;
import com.financetracker.platform.events.EventEnvelope;
import com.financetracker.platform.events.EventHandler;
import com.financetracker.platform.events.EventType;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expense service's events this service keeps its copy of the expenses with: one handler per event type. */
@Configuration(proxyBeanMethods = false)
class ExpenseEventHandlers {

    @Bean
    EventHandler<ExpenseChanged> expenseCreatedHandler(ExpenseHistory history) {
        return handler(ExpenseChanged.CREATED, history::apply);
    }

    @Bean
    EventHandler<ExpenseChanged> expenseUpdatedHandler(ExpenseHistory history) {
        return handler(ExpenseChanged.UPDATED, history::apply);
    }

    @Bean
    EventHandler<ExpenseDeleted> expenseDeletedHandler(ExpenseHistory history) {
        return handler(ExpenseDeleted.TYPE, history::apply);
    }

    @Bean
    EventHandler<CategoryRenamed> categoryRenamedHandler(ExpenseHistory history) {
        return handler(CategoryRenamed.TYPE, history::apply);
    }

    @Bean
    EventHandler<CategoriesMerged> categoriesMergedHandler(ExpenseHistory history) {
        return handler(CategoriesMerged.TYPE, history::apply);
    }

    private static <P> EventHandler<P> handler(EventType<P> type, Consumer<P> apply) {
        return new EventHandler<>() {
            @Override
            public EventType<P> type() {
                return type;
            }

            @Override
            public void handle(P payload, EventEnvelope event) {
                apply.accept(payload);
            }
        };
    }
}
