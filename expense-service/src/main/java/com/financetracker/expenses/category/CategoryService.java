package com.financetracker.expenses.category;

import com.financetracker.contracts.CategoriesMerged;
import com.financetracker.contracts.CategoryRenamed;
import com.financetracker.expenses.account.Accounts;
import com.financetracker.expenses.category.CategoryProblems.CategoryExistsException;
import com.financetracker.expenses.category.CategoryProblems.CategoryInUseException;
import com.financetracker.expenses.category.CategoryProblems.CategoryNotFoundException;
import com.financetracker.platform.events.Outbox;
import com.financetracker.platform.web.MergePatch;
import com.financetracker.platform.web.ProblemException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** A user's categories. Names match whatever their case; a name used for the first time creates the category. */
@Service
public class CategoryService {

    private final CategoryRepository categories;
    private final Accounts accounts;
    private final MergePatch mergePatch;
    private final Outbox outbox;

    CategoryService(CategoryRepository categories, Accounts accounts, MergePatch mergePatch, Outbox outbox) {
        this.categories = categories;
        this.accounts = accounts;
        this.mergePatch = mergePatch;
        this.outbox = outbox;
    }

    /** The ids of the named categories by lower-cased name, creating missing ones; inside the caller's transaction. */
    public Map<String, UUID> resolve(UUID userId, Collection<String> names) {
        return categories.resolve(userId, names);
    }

    @Transactional
    List<Category> list(UUID userId) {
        accounts.ensureOpen(userId);
        return categories.list(userId);
    }

    @Transactional
    Category create(UUID userId, CategoryRequest request) {
        accounts.ensureOpen(userId);
        UUID id = categories
                .insert(userId, request.name())
                .orElseThrow(() -> new CategoryExistsException(request.name()));
        return new Category(id, request.name(), 0);
    }

    @Transactional
    Category rename(UUID userId, UUID id, JsonNode patch) {
        accounts.ensureOpen(userId);
        if (!categories.lock(userId, id)) {
            throw CategoryNotFoundException.forId(id);
        }
        Category current = categories.find(userId, id).orElseThrow(() -> CategoryNotFoundException.forId(id));
        CategoryRequest renamed = mergePatch.apply(new CategoryRequest(current.name()), patch);
        if (!renamed.name().equals(current.name())) {
            if (!categories.rename(userId, id, renamed.name())) {
                throw new CategoryExistsException(renamed.name());
            }
            CategoryRenamed event = new CategoryRenamed(userId, current.name(), renamed.name());
            outbox.publish(CategoryRenamed.TYPE, event.key(), event);
        }
        return new Category(id, renamed.name(), current.expenseCount());
    }

    @Transactional
    void delete(UUID userId, UUID id, @Nullable UUID reassignTo) {
        if (!categories.lock(userId, id)) {
            throw CategoryNotFoundException.forId(id);
        }
        long used = categories.countExpenses(id);
        if (reassignTo != null) {
            if (reassignTo.equals(id)) {
                throw ProblemException.invalidField("reassignTo", "must be another category than the one deleted");
            }
            if (!categories.lock(userId, reassignTo)) {
                throw ProblemException.invalidField("reassignTo", "is not one of your categories");
            }
            categories.reassignExpenses(id, reassignTo);
            CategoriesMerged event = new CategoriesMerged(userId, name(userId, id), name(userId, reassignTo));
            outbox.publish(CategoriesMerged.TYPE, event.key(), event);
        } else if (used > 0) {
            throw new CategoryInUseException(used);
        }
        categories.delete(userId, id);
    }

    private String name(UUID userId, UUID id) {
        return categories.find(userId, id).map(Category::name).orElseThrow(() -> CategoryNotFoundException.forId(id));
    }
}
