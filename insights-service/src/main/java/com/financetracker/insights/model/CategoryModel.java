package com.financetracker.insights.model;

import com.financetracker.contracts.DefaultCategories;
import com.financetracker.insights.model.corpus.SyntheticCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Suggests a category for an expense, learned from one person's own labelled expenses.
 *
 * <p>Four layers, mixed as probabilities: a logistic regression over the person's history (words, character trigrams,
 * merchant, amount bucket), which also sees what the cold-start model thinks as features so that it learns how the
 * person's categories map onto the default ones; the person's counts at the exact normalized merchant, weighted {@code
 * 0.5 n / (n + 1)} for n visits; the cold-start model, with a weight that fades as the history grows ({@code 20 / (n +
 * 20)}); and the corrections taken by {@link #learn} since training, which put the corrected category first at once.
 *
 * <p>Immutable: {@link #suggest} is safe from any thread, {@link #learn} returns a new model. The cold-start model is
 * one shared instance, built on first use.
 */
public final class CategoryModel {

    /** The categories every person starts with. */
    public static final List<String> DEFAULT_CATEGORIES = DefaultCategories.NAMES;

    /** Bumped whenever the bytes, the features or the cold-start corpus change: older bytes then need a retrain. */
    public static final int FORMAT_VERSION = 1;

    /** The synthetic corpus the cold-start model learns from, fixed so that every installation gets the same model. */
    public static final long COLD_START_SEED = 20_240_101L;

    static final int COLD_START_PEOPLE = 30;
    private static final double COLD_START_PRIOR = 20;
    private static final int SMALL_HISTORY = 50;
    private static final double CORRECTION_WEIGHT = 0.6;
    private static final double MERCHANT_WEIGHT = 0.5;
    private static final int MAX_CORRECTIONS = 2_000;
    /** Marks a merchant whose correction was contradicted since: no pin there until the next training. */
    private static final String MIXED = "";

    private static final int MAX_BECAUSE = 3;
    private static final long TRAINING_SEED = 42L;
    private static final byte[] MAGIC = {'F', 'T', 'C', 'M'};
    private static final byte COLD_START_KIND = 0;
    private static final byte PERSONAL_KIND = 1;

    private final LinearScorer scorer;
    private final boolean coldStart;
    private final double coldWeight;
    /** Default category to the person's own, for the cold-start mixture; defaults not in it are not suggested. */
    private final Map<String, String> coldMapping;
    /** Normalized merchant to the category last given by {@link #learn}, most recent last. */
    private final Map<String, String> corrections;
    /** Normalized merchant to how often the person gave each category there, training and {@link #learn} alike. */
    private final Map<String, Map<String, Integer>> merchants;

    private final int examples;

    private CategoryModel(
            LinearScorer scorer,
            boolean coldStart,
            double coldWeight,
            Map<String, String> coldMapping,
            Map<String, String> corrections,
            Map<String, Map<String, Integer>> merchants,
            int examples) {
        this.scorer = scorer;
        this.coldStart = coldStart;
        this.coldWeight = coldWeight;
        this.coldMapping = coldMapping;
        this.corrections = corrections;
        this.merchants = merchants;
        this.examples = examples;
    }

    private static final class ColdStart {
        static final CategoryModel MODEL = trainColdStart();
    }

    /**
     * The model every person starts with: the default categories, learned from the synthetic corpus of
     * {@link #COLD_START_SEED} (deterministic); built on first use (a few seconds), then shared.
     */
    public static CategoryModel coldStart() {
        return ColdStart.MODEL;
    }

    private static CategoryModel trainColdStart() {
        List<Features.Vector> vectors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (SyntheticCorpus.Person person : SyntheticCorpus.generate(COLD_START_SEED, COLD_START_PEOPLE)) {
            for (SyntheticCorpus.Expense expense : person.expenses()) {
                vectors.add(Features.of(expense.text()));
                categories.add(expense.defaultCategory());
            }
        }
        LinearScorer scorer = LinearScorer.train(vectors, categories, TRAINING_SEED);
        return new CategoryModel(scorer, true, 0, Map.of(), Map.of(), Map.of(), 0);
    }

    /**
     * A person's model, trained on their own history alone (any size, from none to one category to many); a small
     * history leans on {@link #coldStart()}. An empty history gives the cold-start model itself.
     */
    public static CategoryModel train(List<LabelledExpense> history) {
        if (history.isEmpty()) {
            return coldStart();
        }
        LinearScorer cold = coldStart().scorer;
        List<Features.Vector> vectors = new ArrayList<>(history.size());
        List<String> categories = new ArrayList<>(history.size());
        Map<String, Map<String, Integer>> coldToOwn = new HashMap<>();
        Map<String, Map<String, Integer>> merchants = new HashMap<>();
        for (LabelledExpense labelled : history) {
            Features.Vector vector = Features.of(labelled.expense());
            merchants
                    .computeIfAbsent(vector.merchantKey(), key -> new HashMap<>())
                    .merge(labelled.category(), 1, Integer::sum);
            double[] coldProbabilities = cold.probabilities(vector);
            vectors.add(stack(vector, cold.labels(), coldProbabilities));
            categories.add(labelled.category());
            String coldTop = cold.labels().get(argmax(coldProbabilities));
            coldToOwn.computeIfAbsent(coldTop, key -> new HashMap<>()).merge(labelled.category(), 1, Integer::sum);
        }
        LinearScorer scorer = LinearScorer.train(vectors, categories, TRAINING_SEED);
        int n = history.size();
        return new CategoryModel(
                scorer,
                false,
                COLD_START_PRIOR / (n + COLD_START_PRIOR),
                coldMapping(scorer.labels(), coldToOwn, n),
                Map.of(),
                immutable(merchants),
                n);
    }

    /**
     * Which of the person's categories each default category stands for: itself when the person uses it, else the
     * person's category most often given to expenses the cold-start model puts there (at least half of them).
     */
    private static Map<String, String> coldMapping(
            List<String> own, Map<String, Map<String, Integer>> coldToOwn, int examples) {
        Map<String, String> mapping = new HashMap<>();
        for (String category : DEFAULT_CATEGORIES) {
            if (own.contains(category)) {
                mapping.put(category, category);
                continue;
            }
            Map<String, Integer> given = coldToOwn.getOrDefault(category, Map.of());
            int total = given.values().stream().mapToInt(Integer::intValue).sum();
            given.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .filter(best -> 2 * best.getValue() >= total)
                    .ifPresentOrElse(best -> mapping.put(category, best.getKey()), () -> {
                        // a person who has labelled little may still use the default names
                        if (examples < SMALL_HISTORY) {
                            mapping.put(category, category);
                        }
                    });
        }
        return Map.copyOf(mapping);
    }

    /**
     * Takes a labelled expense (a correction, or simply a new expense with its category) into account at once: it
     * counts at its merchant, and when its category was not the first suggestion, the merchant is pinned to it so the
     * next suggestion there puts it first. A pin contradicted by a later label at the same merchant marks a merchant of
     * mixed categories, which is not pinned again until the next training (its counts and the amount decide). Cheap:
     * one suggestion and a copy of two small maps; the person's next full {@link #train} absorbs it.
     */
    public CategoryModel learn(LabelledExpense expense) {
        String merchant = Descriptions.merchantKey(expense.expense().description());
        List<Suggestion> top = suggest(expense.expense(), 1);
        Map<String, String> pinned = corrections;
        String pin = corrections.get(merchant);
        // Pin the merchant when the model got it wrong; a pin contradicted later marks a merchant of mixed
        // categories (a supermarket), never pinned again: its counts and the amount decide better than the last label.
        // Already first: pinning would only blunt what the amount says at mixed merchants.
        boolean wrong = top.isEmpty() || !top.getFirst().category().equals(expense.category());
        String update =
                pin == null ? (wrong ? expense.category() : null) : pin.equals(expense.category()) ? null : MIXED;
        if (update != null) {
            LinkedHashMap<String, String> updated = new LinkedHashMap<>(corrections);
            updated.remove(merchant);
            updated.put(merchant, update);
            if (updated.size() > MAX_CORRECTIONS) {
                updated.remove(updated.keySet().iterator().next());
            }
            pinned = Collections.unmodifiableMap(updated);
        }
        Map<String, Map<String, Integer>> counted = new HashMap<>(merchants);
        Map<String, Integer> counts = new HashMap<>(counted.getOrDefault(merchant, Map.of()));
        counts.merge(expense.category(), 1, Integer::sum);
        counted.put(merchant, Map.copyOf(counts));
        return new CategoryModel(
                scorer, coldStart, coldWeight, coldMapping, pinned, Collections.unmodifiableMap(counted), examples);
    }

    private static Map<String, Map<String, Integer>> immutable(Map<String, Map<String, Integer>> merchants) {
        Map<String, Map<String, Integer>> copy = HashMap.newHashMap(merchants.size());
        merchants.forEach((merchant, counts) -> copy.put(merchant, Map.copyOf(counts)));
        return Collections.unmodifiableMap(copy);
    }

    /** At most {@code limit} suggestions, the most confident first; their confidences add up to at most 1. */
    public List<Suggestion> suggest(ExpenseText expense, int limit) {
        Features.Vector vector = Features.of(expense);
        Map<String, Double> probabilities = new HashMap<>();
        Features.Vector ownVector = vector;
        double[] coldProbabilities = null;
        if (coldStart) {
            add(probabilities, scorer.labels(), scorer.probabilities(vector), 1.0);
        } else {
            LinearScorer cold = coldStart().scorer;
            coldProbabilities = cold.probabilities(vector);
            ownVector = stack(vector, cold.labels(), coldProbabilities);
            add(probabilities, scorer.labels(), scorer.probabilities(ownVector), 1 - coldWeight);
            for (int i = 0; i < coldProbabilities.length; i++) {
                String target = coldMapping.get(cold.labels().get(i));
                if (target != null) {
                    probabilities.merge(target, coldWeight * coldProbabilities[i], Double::sum);
                }
            }
        }
        Map<String, Integer> counts = merchants.get(vector.merchantKey());
        if (counts != null) {
            // what the person did at this very merchant, trusted more the more often they went there
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            double weight = MERCHANT_WEIGHT * total / (total + 1.0);
            probabilities.replaceAll((category, p) -> p * (1 - weight));
            counts.forEach((category, count) -> probabilities.merge(category, weight * count / total, Double::sum));
        }
        String corrected = corrections.get(vector.merchantKey());
        if (corrected != null && !corrected.equals(MIXED)) {
            probabilities.replaceAll((category, p) -> p * (1 - CORRECTION_WEIGHT));
            probabilities.merge(corrected, CORRECTION_WEIGHT, Double::sum);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(probabilities.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<Suggestion> suggestions = new ArrayList<>();
        for (Map.Entry<String, Double> entry : ranked.subList(0, Math.min(Math.max(limit, 0), ranked.size()))) {
            String category = entry.getKey();
            List<String> because = category.equals(corrected)
                    ? merchantWords(vector)
                    : because(vector, ownVector, coldProbabilities, category);
            suggestions.add(new Suggestion(category, entry.getValue(), because));
        }
        return List.copyOf(suggestions);
    }

    private List<String> because(
            Features.Vector vector, Features.Vector ownVector, double[] coldProbabilities, String category) {
        double[] evidence = new double[vector.words().size()];
        int own = scorer.labels().indexOf(category);
        if (own >= 0 && scorer.labels().size() > 1) {
            add(evidence, scorer.wordEvidence(ownVector, own));
        }
        if (coldProbabilities != null) {
            LinearScorer cold = coldStart().scorer;
            for (int i = 0; i < cold.labels().size(); i++) {
                if (category.equals(coldMapping.get(cold.labels().get(i)))) {
                    add(evidence, cold.wordEvidence(vector, i));
                }
            }
        }
        Integer[] order = new Integer[evidence.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -evidence[i]));
        List<String> words = new ArrayList<>();
        for (Integer word : order) {
            if (words.size() == MAX_BECAUSE || evidence[word] <= 0) {
                break;
            }
            if (!words.contains(vector.words().get(word))) {
                words.add(vector.words().get(word));
            }
        }
        return words;
    }

    private static List<String> merchantWords(Features.Vector vector) {
        List<String> words = List.of(vector.merchantKey().split(" "));
        return words.subList(0, Math.min(MAX_BECAUSE, words.size())).stream()
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** How many labelled expenses the model was trained on: 0 for the cold-start model, corrections not counted. */
    public int examples() {
        return examples;
    }

    /** How many merchants {@link #learn} has pinned to a category since the model was trained. */
    public int corrections() {
        return (int) corrections.values().stream().filter(c -> !c.equals(MIXED)).count();
    }

    /** How many distinct features (words, trigrams, merchants, amount buckets) the person's own layer weighs. */
    public int features() {
        return coldStart ? 0 : scorer.features();
    }

    /** The categories this model can suggest. */
    public List<String> categories() {
        List<String> categories = new ArrayList<>(scorer.labels());
        for (String target : coldMapping.values()) {
            if (!categories.contains(target)) {
                categories.add(target);
            }
        }
        for (String corrected : corrections.values()) {
            if (!corrected.equals(MIXED) && !categories.contains(corrected)) {
                categories.add(corrected);
            }
        }
        return List.copyOf(categories);
    }

    /**
     * The model as compact bytes ("FTCM", the {@link #FORMAT_VERSION}, then deflated weights); the cold-start model is
     * a few bytes, since it is rebuilt from its seed.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(FORMAT_VERSION);
        bytes.write(coldStart ? COLD_START_KIND : PERSONAL_KIND);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(examples);
            out.writeDouble(coldWeight);
            writeMap(out, coldMapping);
            writeMap(out, corrections);
            out.writeInt(merchants.size());
            for (Map.Entry<String, Map<String, Integer>> merchant : merchants.entrySet()) {
                out.writeUTF(merchant.getKey());
                out.writeShort(merchant.getValue().size());
                for (Map.Entry<String, Integer> count : merchant.getValue().entrySet()) {
                    out.writeUTF(count.getKey());
                    out.writeInt(count.getValue());
                }
            }
            if (!coldStart) {
                scorer.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads bytes written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a model, are damaged, or come from another format
     *     version (the person's model must then be retrained)
     */
    public static CategoryModel fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("Not a category model");
        }
        int version = bytes[MAGIC.length];
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "A category model of format " + version + ", this code reads " + FORMAT_VERSION);
        }
        byte kind = bytes[MAGIC.length + 1];
        if (kind != COLD_START_KIND && kind != PERSONAL_KIND) {
            throw new IllegalArgumentException("A category model of unknown kind " + kind);
        }
        int header = MAGIC.length + 2;
        try (DataInputStream in = new DataInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes, header, bytes.length - header)))) {
            int examples = in.readInt();
            double coldWeight = in.readDouble();
            Map<String, String> coldMapping = Map.copyOf(readMap(in));
            Map<String, String> corrections = Collections.unmodifiableMap(readMap(in));
            int merchantCount = in.readInt();
            if (merchantCount < 0 || merchantCount > 1_000_000) {
                throw new IllegalArgumentException("A damaged category model");
            }
            Map<String, Map<String, Integer>> merchants = HashMap.newHashMap(merchantCount);
            for (int i = 0; i < merchantCount; i++) {
                String merchant = in.readUTF();
                Map<String, Integer> counts = new HashMap<>();
                int categories = in.readUnsignedShort();
                for (int j = 0; j < categories; j++) {
                    counts.put(in.readUTF(), in.readInt());
                }
                merchants.put(merchant, counts);
            }
            LinearScorer scorer = kind == COLD_START_KIND ? coldStart().scorer : LinearScorer.read(in);
            if (in.read() != -1 || examples < 0 || !(coldWeight >= 0 && coldWeight <= 1)) {
                throw new IllegalArgumentException("A damaged category model");
            }
            if (kind == COLD_START_KIND && corrections.isEmpty() && merchants.isEmpty()) {
                return coldStart();
            }
            return new CategoryModel(
                    scorer,
                    kind == COLD_START_KIND,
                    coldWeight,
                    coldMapping,
                    corrections,
                    immutable(merchants),
                    examples);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("A damaged category model", e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
    }

    private static LinkedHashMap<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > 1_000_000) {
            throw new IOException("an implausible map size " + size);
        }
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static Features.Vector stack(Features.Vector vector, List<String> coldLabels, double[] coldProbabilities) {
        Features.Vector stacked = vector;
        for (int i = 0; i < coldProbabilities.length; i++) {
            stacked = stacked.with("cs=" + coldLabels.get(i), coldProbabilities[i]);
        }
        return stacked;
    }

    private static void add(Map<String, Double> into, List<String> labels, double[] probabilities, double weight) {
        for (int i = 0; i < probabilities.length; i++) {
            into.merge(labels.get(i), weight * probabilities[i], Double::sum);
        }
    }

    private static void add(double[] into, double[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
