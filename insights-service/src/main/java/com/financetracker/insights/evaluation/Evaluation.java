package com.financetracker.insights.evaluation;

import com.financetracker.insights.anomaly.AnomalyDetectors;
import com.financetracker.insights.anomaly.PastExpense;
import com.financetracker.insights.model.CategoryModel;
import com.financetracker.insights.model.Descriptions;
import com.financetracker.insights.model.LabelledExpense;
import com.financetracker.insights.model.Suggestion;
import com.financetracker.insights.model.corpus.SyntheticCorpus;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Expense;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Injected;
import com.financetracker.insights.model.corpus.SyntheticCorpus.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures the category model against two baselines and the anomaly detectors against the injected anomalies, on the
 * synthetic corpus, split by time for each person: the first {@value #TRAIN_SHARE} of a person's expenses (by date)
 * train, the rest test in date order. During the test each expense is suggested first, then its true category is
 * given back, as a person would ({@link CategoryModel#learn} for the model, the counts for the payee baseline).
 *
 * <p>{@code ./finance-tracker evaluate [--seed N] [--people N] [--out file.json]}
 */
public final class Evaluation {

    static final double TRAIN_SHARE = 0.7;
    private static final double PASSIVE_PRECISION = 0.3;

    private Evaluation() {}

    public static void main(String[] args) throws IOException {
        long seed = 2026;
        int people = 120;
        Path out = Path.of("insights-service/target/evaluation.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--people" -> people = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("Usage: evaluate [--seed N] [--people N] [--out file.json]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        long coldStartMillis = millisSince(System.nanoTime(), () -> CategoryModel.coldStart());
        List<Person> corpus = SyntheticCorpus.generate(seed, people);
        Report report = new Report(
                seed, people, corpus.stream().mapToInt(p -> p.expenses().size()).sum());
        report.coldStartMillis = coldStartMillis;
        for (Person person : corpus) {
            evaluate(person, report);
        }
        timeTraining(seed, report);
        for (Person person : corpus) {
            detectAnomalies(person, report);
        }
        report.seconds = (System.nanoTime() - started) / 1e9;
        System.out.print(report.table());
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, report.json());
        System.out.println("JSON written to " + out);
    }

    // ---- categories ----------------------------------------------------------------------------------------------

    private static void evaluate(Person person, Report report) {
        List<Expense> expenses = person.expenses();
        int cut = (int) Math.round(expenses.size() * TRAIN_SHARE);
        // keep a day's expenses on one side
        while (cut < expenses.size()
                && cut > 0
                && expenses.get(cut)
                        .text()
                        .date()
                        .equals(expenses.get(cut - 1).text().date())) {
            cut++;
        }
        List<Expense> train = expenses.subList(0, cut);
        List<Expense> test = expenses.subList(cut, expenses.size());
        if (test.isEmpty()) {
            return;
        }
        List<LabelledExpense> history = train.stream()
                .map(e -> new LabelledExpense(e.text(), e.category()))
                .toList();
        CategoryModel trained = CategoryModel.train(history);
        report.sizes.add(trained.toBytes().length);
        report.features.add(trained.features());

        PayeeBaseline payee = new PayeeBaseline(false);
        PayeeBaseline exact = new PayeeBaseline(true);
        train.forEach(e -> {
            payee.learn(e);
            exact.learn(e);
        });
        Set<String> seenMerchants = new HashSet<>();
        train.forEach(e -> seenMerchants.add(e.merchant()));

        CategoryModel model = trained;
        for (Expense expense : test) {
            boolean newMerchant = seenMerchants.add(expense.merchant());
            long before = System.nanoTime();
            List<Suggestion> suggestions = model.suggest(expense.text(), 3);
            report.latenciesNanos.add(System.nanoTime() - before);
            report.model.record(
                    expense.category(),
                    suggestions.stream().map(Suggestion::category).toList(),
                    suggestions.isEmpty() ? 0 : suggestions.getFirst().confidence(),
                    newMerchant);
            payee.record(report.payee, expense, newMerchant);
            exact.record(report.exact, expense, newMerchant);
            String rule = KeywordRules.categorize(expense.text().description());
            report.keywords.record(expense.category(), List.of(rule), rule.equals("Other") ? 0 : 1, newMerchant);
            model = model.learn(new LabelledExpense(expense.text(), expense.category()));
            payee.learn(expense);
            exact.learn(expense);
        }
        report.model.endPerson();
        report.payee.endPerson();
        report.exact.endPerson();
        report.keywords.endPerson();

        if (person.defaultNames()) {
            CategoryModel cold = CategoryModel.coldStart();
            for (Expense expense : test) {
                List<Suggestion> suggestions = cold.suggest(expense.text(), 3);
                report.coldStart.record(
                        expense.category(),
                        suggestions.stream().map(Suggestion::category).toList(),
                        suggestions.getFirst().confidence(),
                        true);
                String rule = KeywordRules.categorize(expense.text().description());
                report.coldKeywords.record(expense.category(), List.of(rule), rule.equals("Other") ? 0 : 1, true);
            }
            report.coldStart.endPerson();
            report.coldKeywords.endPerson();
        }
        corrections(trained, test, report);
    }

    /**
     * A person corrects the first test expense of a merchant to a category the model did not put first; does the
     * merchant's next expense get that category first?
     */
    private static void corrections(CategoryModel trained, List<Expense> test, Report report) {
        Map<String, List<Expense>> byMerchant = new LinkedHashMap<>();
        test.forEach(e -> byMerchant
                .computeIfAbsent(e.merchant(), key -> new ArrayList<>())
                .add(e));
        for (List<Expense> visits : byMerchant.values()) {
            if (visits.size() < 2) {
                continue;
            }
            Expense first = visits.get(0);
            Expense next = visits.get(1);
            List<Suggestion> suggestions = trained.suggest(first.text(), 2);
            String corrected = suggestions.getFirst().category().equals(first.category())
                    ? suggestions.size() > 1 ? suggestions.get(1).category() : "Something else"
                    : first.category();
            CategoryModel learned = trained.learn(new LabelledExpense(first.text(), corrected));
            report.correctionsTried++;
            if (learned.suggest(next.text(), 1).getFirst().category().equals(corrected)) {
                report.correctionsTaken++;
            }
        }
    }

    /** "Most frequent category for this payee", as learned rules do; the person's most frequent category otherwise. */
    private static final class PayeeBaseline {

        private final boolean exactDescription;
        private final Map<String, Map<String, Integer>> byPayee = new HashMap<>();
        private final Map<String, Integer> overall = new HashMap<>();

        PayeeBaseline(boolean exactDescription) {
            this.exactDescription = exactDescription;
        }

        private String key(Expense expense) {
            String description = expense.text().description();
            return exactDescription
                    ? description.strip().toLowerCase(Locale.ROOT)
                    : Descriptions.merchantKey(description);
        }

        void learn(Expense expense) {
            byPayee.computeIfAbsent(key(expense), k -> new HashMap<>()).merge(expense.category(), 1, Integer::sum);
            overall.merge(expense.category(), 1, Integer::sum);
        }

        void record(Tally tally, Expense expense, boolean newMerchant) {
            Map<String, Integer> counts = byPayee.getOrDefault(key(expense), Map.of());
            List<String> ranked = new ArrayList<>(rank(counts));
            for (String category : rank(overall)) {
                if (!ranked.contains(category)) {
                    ranked.add(category);
                }
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            double confidence = total == 0 ? 0 : (double) counts.get(ranked.getFirst()) / total;
            tally.record(expense.category(), ranked.subList(0, Math.min(3, ranked.size())), confidence, newMerchant);
        }

        private static List<String> rank(Map<String, Integer> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    // ---- speed ---------------------------------------------------------------------------------------------------

    private static void timeTraining(long seed, Report report) {
        for (int size : new int[] {10_000, 100_000}) {
            List<LabelledExpense> history = new ArrayList<>(size);
            for (int index = 0; history.size() < size; index++) {
                for (Expense expense : SyntheticCorpus.person(seed + 1, index).expenses()) {
                    if (history.size() < size) {
                        history.add(new LabelledExpense(expense.text(), expense.defaultCategory()));
                    }
                }
            }
            long before = System.nanoTime();
            CategoryModel model = CategoryModel.train(history);
            report.trainingMillis.put(size, (System.nanoTime() - before) / 1_000_000);
            report.trainingBytes.put(size, model.toBytes().length);
        }
    }

    private static long millisSince(long start, Runnable task) {
        task.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ---- anomalies -----------------------------------------------------------------------------------------------

    private static void detectAnomalies(Person person, Report report) {
        List<PastExpense> history = new ArrayList<>();
        Set<String> flaggedMonths = new HashSet<>();
        Set<String> surgeMonths = new HashSet<>();
        Map<String, Map<String, Integer>> surgeLabels = new HashMap<>();
        for (Expense expense : person.expenses()) {
            if (expense.injected() == Injected.CATEGORY_SURGE) {
                surgeLabels
                        .computeIfAbsent(YearMonth.from(expense.text().date()).toString(), k -> new HashMap<>())
                        .merge(expense.category(), 1, Integer::sum);
            }
        }
        surgeLabels.forEach((month, labels) -> surgeMonths.add(labels.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey()
                + "@" + month));
        for (Expense expense : person.expenses()) {
            PastExpense past = PastExpense.of(
                    expense.id(),
                    expense.text().description(),
                    expense.category(),
                    expense.text().amount(),
                    expense.text().currency(),
                    expense.text().date());
            report.unusual.add(
                    AnomalyDetectors.unusualAmount(past, history).isPresent(),
                    expense.injected() == Injected.UNUSUAL_AMOUNT);
            report.duplicate.add(
                    AnomalyDetectors.possibleDuplicate(past, history).isPresent(),
                    expense.injected() == Injected.DUPLICATE);
            history.add(past);
            AnomalyDetectors.categorySurge(past.category(), past.currency(), past.date(), history)
                    .ifPresent(surge -> flaggedMonths.add(surge.category() + "@" + surge.month()));
        }
        for (String flagged : flaggedMonths) {
            report.surge.add(true, surgeMonths.contains(flagged));
        }
        for (String truth : surgeMonths) {
            if (!flaggedMonths.contains(truth)) {
                report.surge.add(false, true);
            }
        }
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    /** Top-1/top-3 accuracy, macro-F1 (per person, averaged), accuracy at 80 % coverage, on new merchants, ECE. */
    static final class Tally {

        final String name;
        int n;
        int top1;
        int top3;
        int newN;
        int newTop1;
        final List<double[]> confidences = new ArrayList<>();
        final List<Double> personF1 = new ArrayList<>();
        private final List<String[]> person = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void record(String truth, List<String> ranked, double confidence, boolean newMerchant) {
            boolean first = !ranked.isEmpty() && ranked.getFirst().equals(truth);
            n++;
            top1 += first ? 1 : 0;
            top3 += ranked.subList(0, Math.min(3, ranked.size())).contains(truth) ? 1 : 0;
            if (newMerchant) {
                newN++;
                newTop1 += first ? 1 : 0;
            }
            confidences.add(new double[] {confidence, first ? 1 : 0});
            person.add(new String[] {truth, ranked.isEmpty() ? "" : ranked.getFirst()});
        }

        void endPerson() {
            if (person.isEmpty()) {
                return;
            }
            Set<String> labels = new HashSet<>();
            person.forEach(pair -> {
                labels.add(pair[0]);
                labels.add(pair[1]);
            });
            double sum = 0;
            for (String label : labels) {
                long tp = person.stream()
                        .filter(p -> p[0].equals(label) && p[1].equals(label))
                        .count();
                long fp = person.stream()
                        .filter(p -> !p[0].equals(label) && p[1].equals(label))
                        .count();
                long fn = person.stream()
                        .filter(p -> p[0].equals(label) && !p[1].equals(label))
                        .count();
                sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            }
            personF1.add(sum / labels.size());
            person.clear();
        }

        double top1() {
            return ratio(top1, n);
        }

        double top3() {
            return ratio(top3, n);
        }

        double newMerchants() {
            return ratio(newTop1, newN);
        }

        double macroF1() {
            return personF1.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double atCoverage(double coverage) {
            List<double[]> sorted = new ArrayList<>(confidences);
            sorted.sort(Comparator.comparingDouble((double[] c) -> -c[0]));
            int kept = (int) Math.ceil(sorted.size() * coverage);
            return kept == 0
                    ? Double.NaN
                    : sorted.subList(0, kept).stream().mapToDouble(c -> c[1]).sum() / kept;
        }

        /** Expected calibration error of the top confidence over ten equal-width bins. */
        double calibrationError() {
            double[] confidence = new double[10];
            double[] correct = new double[10];
            int[] count = new int[10];
            for (double[] c : confidences) {
                int bin = Math.min(9, (int) (c[0] * 10));
                confidence[bin] += c[0];
                correct[bin] += c[1];
                count[bin]++;
            }
            double error = 0;
            for (int bin = 0; bin < 10; bin++) {
                if (count[bin] > 0) {
                    error += Math.abs(confidence[bin] - correct[bin]) / confidences.size();
                }
            }
            return error;
        }
    }

    /** Precision and recall of one anomaly detector. */
    static final class Detection {
        final String name;
        int flagged;
        int truePositives;
        int actual;

        Detection(String name) {
            this.name = name;
        }

        void add(boolean flaggedHere, boolean injected) {
            flagged += flaggedHere ? 1 : 0;
            actual += injected ? 1 : 0;
            truePositives += flaggedHere && injected ? 1 : 0;
        }

        double precision() {
            return ratio(truePositives, flagged);
        }

        double recall() {
            return ratio(truePositives, actual);
        }

        String use() {
            return flagged > 0 && precision() >= PASSIVE_PRECISION ? "alert" : "passive trend only";
        }
    }

    static final class Report {
        final long seed;
        final int people;
        final int expenses;
        final Tally model = new Tally("model (logistic regression + corrections)");
        final Tally payee = new Tally("most frequent category for the payee");
        final Tally exact = new Tally("most frequent category for the exact description");
        final Tally keywords = new Tally("keyword rules");
        final Tally coldStart = new Tally("cold start, zero labelled (default-name people)");
        final Tally coldKeywords = new Tally("keyword rules (default-name people)");
        final Detection unusual = new Detection("unusual amount for the merchant (median + MAD)");
        final Detection duplicate = new Detection("possible duplicate (same amount and merchant, 3 days)");
        final Detection surge = new Detection("category month far above trend (per category-month)");
        final List<Integer> sizes = new ArrayList<>();
        final List<Integer> features = new ArrayList<>();
        final List<Long> latenciesNanos = new ArrayList<>();
        final Map<Integer, Long> trainingMillis = new LinkedHashMap<>();
        final Map<Integer, Integer> trainingBytes = new LinkedHashMap<>();
        int correctionsTried;
        int correctionsTaken;
        long coldStartMillis;
        double seconds;

        Report(long seed, int people, int expenses) {
            this.seed = seed;
            this.people = people;
            this.expenses = expenses;
        }

        List<Tally> tallies() {
            return List.of(model, payee, exact, keywords, coldStart, coldKeywords);
        }

        List<Detection> detections() {
            return List.of(unusual, duplicate, surge);
        }

        double latencyMicros(double quantile) {
            List<Long> sorted = latenciesNanos.stream().sorted().toList();
            return sorted.isEmpty()
                    ? Double.NaN
                    : sorted.get((int) Math.min(sorted.size() - 1, quantile * sorted.size())) / 1000.0;
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "Category suggestions: seed %d, %d people, %d expenses; the first %.0f %% of each person's expenses"
                            + " (by date) train, the rest test%n%n",
                    seed,
                    people,
                    expenses,
                    TRAIN_SHARE * 100));
            out.append(String.format(
                    Locale.ROOT,
                    "%-52s %7s %6s %6s %8s %8s %11s %7s %6s%n",
                    "",
                    "tested",
                    "top-1",
                    "top-3",
                    "macro-F1",
                    "80% cov.",
                    "new merch.",
                    "known",
                    "ECE"));
            for (Tally tally : tallies()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-52s %7d %6.3f %6.3f %8.3f %8.3f %11s %7.3f %6.3f%n",
                        tally.name,
                        tally.n,
                        tally.top1(),
                        tally.top3(),
                        tally.macroF1(),
                        tally.atCoverage(0.8),
                        String.format(Locale.ROOT, "%.3f (%d)", tally.newMerchants(), tally.newN),
                        ratio(tally.top1 - tally.newTop1, tally.n - tally.newN),
                        tally.calibrationError()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%nA correction is followed at once: %d of %d (%.3f) next expenses at the corrected merchant get the"
                            + " corrected category first%n",
                    correctionsTaken,
                    correctionsTried,
                    ratio(correctionsTaken, correctionsTried)));
            out.append(String.format(Locale.ROOT, "%nSpeed and size%n"));
            out.append(String.format(Locale.ROOT, "  cold-start model built in %d ms%n", coldStartMillis));
            trainingMillis.forEach((size, millis) -> out.append(String.format(
                    Locale.ROOT,
                    "  training on %,d expenses: %,d ms (model %,d bytes)%n",
                    size,
                    millis,
                    trainingBytes.get(size))));
            out.append(String.format(
                    Locale.ROOT,
                    "  suggest() latency: p50 %.1f µs, p99 %.1f µs (%d calls, top 3)%n",
                    latencyMicros(0.5),
                    latencyMicros(0.99),
                    latenciesNanos.size()));
            out.append(String.format(
                    Locale.ROOT,
                    "  a person's model: median %,d bytes, max %,d bytes; median %,d features%n",
                    median(sizes),
                    sizes.stream().mapToInt(Integer::intValue).max().orElse(0),
                    median(features)));
            out.append(String.format(Locale.ROOT, "%nAnomaly detectors on the injected anomalies%n"));
            out.append(String.format(
                    Locale.ROOT, "%-56s %8s %9s %7s %7s  %s%n", "", "flagged", "injected", "prec.", "recall", "use"));
            for (Detection detection : detections()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-56s %8d %9d %7.3f %7.3f  %s%n",
                        detection.name,
                        detection.flagged,
                        detection.actual,
                        detection.precision(),
                        detection.recall(),
                        detection.use()));
            }
            out.append(String.format(Locale.ROOT, "%nFinished in %.1f s%n", seconds));
            return out.toString();
        }

        String json() {
            StringBuilder json = new StringBuilder("{\n");
            json.append(String.format(
                    Locale.ROOT,
                    "  \"seed\": %d, \"people\": %d, \"expenses\": %d, \"trainShare\": %.2f,%n",
                    seed,
                    people,
                    expenses,
                    TRAIN_SHARE));
            json.append("  \"categories\": {\n");
            json.append(tallies().stream()
                    .map(t -> String.format(
                            Locale.ROOT,
                            "    \"%s\": {\"tested\": %d, \"top1\": %.4f, \"top3\": %.4f, \"macroF1\": %.4f,"
                                    + " \"accuracyAt80Coverage\": %.4f, \"newMerchantsTested\": %d,"
                                    + " \"newMerchantsTop1\": %.4f, \"calibrationError\": %.4f}",
                            t.name,
                            t.n,
                            t.top1(),
                            t.top3(),
                            t.macroF1(),
                            t.atCoverage(0.8),
                            t.newN,
                            t.newMerchants(),
                            t.calibrationError()))
                    .collect(Collectors.joining(",\n")));
            json.append("\n  },\n");
            json.append(String.format(
                    Locale.ROOT,
                    "  \"corrections\": {\"tried\": %d, \"followed\": %d, \"rate\": %.4f},%n",
                    correctionsTried,
                    correctionsTaken,
                    ratio(correctionsTaken, correctionsTried)));
            json.append(String.format(
                    Locale.ROOT,
                    "  \"speed\": {\"coldStartMillis\": %d, %s, \"suggestP50Micros\": %.1f, \"suggestP99Micros\": %.1f,"
                            + " \"modelBytesMedian\": %d, \"modelBytesMax\": %d, \"featuresMedian\": %d},%n",
                    coldStartMillis,
                    trainingMillis.entrySet().stream()
                            .map(e -> String.format(
                                    Locale.ROOT,
                                    "\"trainingMillis%d\": %d, \"trainingBytes%d\": %d",
                                    e.getKey(),
                                    e.getValue(),
                                    e.getKey(),
                                    trainingBytes.get(e.getKey())))
                            .collect(Collectors.joining(", ")),
                    latencyMicros(0.5),
                    latencyMicros(0.99),
                    median(sizes),
                    sizes.stream().mapToInt(Integer::intValue).max().orElse(0),
                    median(features)));
            json.append("  \"anomalies\": {\n");
            json.append(detections().stream()
                    .map(d -> String.format(
                            Locale.ROOT,
                            "    \"%s\": {\"flagged\": %d, \"injected\": %d, \"precision\": %.4f, \"recall\": %.4f,"
                                    + " \"use\": \"%s\"}",
                            d.name,
                            d.flagged,
                            d.actual,
                            d.precision(),
                            d.recall(),
                            d.use()))
                    .collect(Collectors.joining(",\n")));
            json.append(String.format(Locale.ROOT, "%n  },%n  \"seconds\": %.1f%n}%n", seconds));
            return json.toString();
        }
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
