package com.financetracker.insights.suggestion;

import com.financetracker.insights.account.UserDataOwner;
import com.financetracker.insights.config.InsightsProperties;
import com.financetracker.insights.expense.ExpenseHistory;
import com.financetracker.insights.expense.KnownExpense;
import com.financetracker.insights.model.CategoryModel;
import com.financetracker.insights.model.ExpenseText;
import com.financetracker.insights.model.LabelledExpense;
import com.financetracker.insights.model.Suggestion;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Each person's category model: trained on their own expenses only (before they have any, the model every person
 * starts with), kept in the database with a version and in memory for the people who use it. Whatever the person
 * recorded or corrected since the model was trained is taken into account at once, before each suggestion.
 */
@Service
class PersonalModels implements UserDataOwner {

    private static final Logger log = LoggerFactory.getLogger(PersonalModels.class);

    /** The most recent changes taken into account on top of a model; a retraining follows within seconds anyway. */
    private static final int RECENT_CHANGES = 200;

    private final ModelRepository models;
    private final ExpenseHistory history;
    private final Map<UUID, Loaded> cache;

    PersonalModels(ModelRepository models, ExpenseHistory history, InsightsProperties properties) {
        this.models = models;
        this.history = history;
        int capacity = properties.cachedModels();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Loaded> eldest) {
                return size() > capacity;
            }
        });
    }

    /** At most {@code limit} categories for the expense, most likely first, and the version of the model used. */
    Suggestions suggest(UUID userId, ExpenseText expense, int limit) {
        Loaded loaded = current(userId);
        CategoryModel model = loaded.model();
        for (KnownExpense recent : history.recordedAfter(userId, loaded.trainedThrough(), RECENT_CHANGES)) {
            model = model.learn(labelled(recent));
        }
        return new Suggestions(model.suggest(expense, limit), loaded.version());
    }

    /** Trains the person's model on everything they have now and stores it as the next version. */
    void train(UUID userId) {
        List<KnownExpense> expenses = history.all(userId);
        if (expenses.isEmpty()) {
            models.delete(userId);
            cache.remove(userId);
            return;
        }
        CategoryModel model = CategoryModel.train(
                expenses.stream().map(PersonalModels::labelled).toList());
        Instant trainedThrough = expenses.getLast().recordedAt();
        int version = models.save(userId, model.toBytes(), expenses.size(), trainedThrough);
        cache.put(userId, new Loaded(version, trainedThrough, model));
    }

    @Override
    public int deleteAll(UUID userId) {
        cache.remove(userId);
        return models.delete(userId);
    }

    private Loaded current(UUID userId) {
        return models.stamp(userId)
                .map(stamp -> {
                    Loaded cached = cache.get(userId);
                    if (cached != null && cached.version() == stamp.version()) {
                        return cached;
                    }
                    Loaded loaded = models.model(userId, stamp.version())
                            .flatMap(bytes -> readable(userId, bytes))
                            .map(model -> new Loaded(stamp.version(), stamp.trainedThrough(), model))
                            .orElseGet(() -> new Loaded(0, Instant.EPOCH, CategoryModel.coldStart()));
                    cache.put(userId, loaded);
                    return loaded;
                })
                .orElseGet(() -> new Loaded(0, Instant.EPOCH, CategoryModel.coldStart()));
    }

    /**
     * The stored model, unless it cannot be read (stored by a version of the service whose models differ): then the
     * person's model is trained again, and meanwhile they get the starting model with their recent expenses.
     */
    private Optional<CategoryModel> readable(UUID userId, byte[] bytes) {
        try {
            return Optional.of(CategoryModel.fromBytes(bytes));
        } catch (IllegalArgumentException e) {
            log.info("The stored model of {} cannot be read ({}); it is trained again", userId, e.getMessage());
            history.retrainLater(userId);
            return Optional.empty();
        }
    }

    private static LabelledExpense labelled(KnownExpense expense) {
        return new LabelledExpense(
                new ExpenseText(
                        Objects.requireNonNullElse(expense.description(), ""),
                        expense.amount(),
                        expense.currency(),
                        expense.date()),
                expense.category());
    }

    /** Suggestions and the version of the model that made them (0: the model every person starts with). */
    record Suggestions(List<Suggestion> suggestions, int modelVersion) {}

    private record Loaded(int version, Instant trainedThrough, CategoryModel model) {}
}
