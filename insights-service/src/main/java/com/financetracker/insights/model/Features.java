package com.financetracker.insights.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of an expense: its words, the character trigrams of each word (so that "pharm" in an unseen
 * "pharmacie" still counts), its merchant, an amount bucket on a log scale, the merchant crossed with that bucket (a
 * supermarket's small receipts and large ones may belong to different categories), the weekday and the currency.
 */
final class Features {

    static final int NO_WORD = -1;
    private static final double TRIGRAM_WEIGHT = 0.35;

    /** Feature names and values, deduplicated; {@code word[i]} is the index of the word feature i came from, or -1. */
    record Vector(List<String> words, String merchantKey, String[] names, double[] values, int[] word) {

        Vector with(String name, double value) {
            String[] n = Arrays.copyOf(names, names.length + 1);
            double[] v = Arrays.copyOf(values, values.length + 1);
            int[] w = Arrays.copyOf(word, word.length + 1);
            n[names.length] = name;
            v[names.length] = value;
            w[names.length] = NO_WORD;
            return new Vector(words, merchantKey, n, v, w);
        }
    }

    private Features() {}

    static Vector of(ExpenseText expense) {
        Descriptions.Cleaned cleaned = Descriptions.clean(expense.description());
        List<String> words = cleaned.words();
        String merchant = cleaned.merchantKey();
        Map<String, double[]> features = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            add(features, "w=" + word, 1.0, i);
            String padded = "^" + word + "$";
            for (int start = 0; start + 3 <= padded.length(); start++) {
                add(features, "g=" + padded.substring(start, start + 3), TRIGRAM_WEIGHT, i);
            }
        }
        String bucket = amountBucket(expense.amount());
        add(features, "m=" + merchant, 1.0, NO_WORD);
        add(features, "a=" + bucket, 1.0, NO_WORD);
        add(features, "ma=" + merchant + "|" + bucket, 1.0, NO_WORD);
        add(features, "d=" + expense.date().getDayOfWeek().getValue(), 0.5, NO_WORD);
        add(features, "c=" + expense.currency(), 0.5, NO_WORD);
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int[] word = new int[features.size()];
        int i = 0;
        for (Map.Entry<String, double[]> feature : features.entrySet()) {
            names[i] = feature.getKey();
            values[i] = feature.getValue()[0];
            word[i] = (int) feature.getValue()[1];
            i++;
        }
        return new Vector(words, merchant, names, values, word);
    }

    /** Half-decade buckets: 1–3, 3–10, 10–32, 32–100, … in any currency. */
    static String amountBucket(BigDecimal amount) {
        double value = Math.abs(amount.doubleValue());
        if (value < 1) {
            return "0";
        }
        return Integer.toString((int) Math.floor(2 * Math.log10(value)) + 1);
    }

    private static void add(Map<String, double[]> features, String name, double value, int word) {
        double[] existing = features.get(name);
        if (existing == null) {
            features.put(name, new double[] {value, word});
        } else {
            existing[0] += value;
        }
    }
}
