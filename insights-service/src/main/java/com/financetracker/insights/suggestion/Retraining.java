package com.financetracker.insights.suggestion;

import com.financetracker.insights.config.InsightsProperties;
import com.financetracker.insights.expense.ExpenseHistory;
import com.financetracker.insights.model.CategoryModel;
import com.financetracker.platform.work.PeriodicWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains again the models of people whose expenses changed, once they have paused for a moment: a burst of changes
 * (an import, a quick series of corrections) costs one training, and each change counts at once anyway.
 */
@Component
class Retraining extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(Retraining.class);
    private static final int PEOPLE_PER_ROUND = 20;

    private final ExpenseHistory history;
    private final PersonalModels models;
    private final Duration delay;
    private final Clock clock;

    Retraining(ExpenseHistory history, PersonalModels models, InsightsProperties properties, Clock clock) {
        super("model-retraining", Duration.ofSeconds(1), 0);
        this.history = history;
        this.models = models;
        this.delay = properties.retrainDelay();
        this.clock = clock;
    }

    @Override
    protected boolean round() {
        // built once, here rather than on the first person's request (it takes seconds)
        CategoryModel.coldStart();
        Instant settled = clock.instant().minus(delay);
        List<ExpenseHistory.Change> changes = history.changes(PEOPLE_PER_ROUND).stream()
                .filter(change -> change.changedAt().isBefore(settled))
                .toList();
        for (ExpenseHistory.Change change : changes) {
            long started = System.nanoTime();
            models.train(change.userId());
            history.done(change);
            log.debug(
                    "Trained the model of {} in {} ms",
                    change.userId(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return changes.size() == PEOPLE_PER_ROUND;
    }
}
