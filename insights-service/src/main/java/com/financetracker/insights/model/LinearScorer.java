package com.financetracker.insights.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A multinomial logistic regression trained by Tribuo's {@link LinearSGDTrainer}, kept as its weights alone: scoring
 * is a sparse dot product, and the weights serialize to a few bytes per feature and category.
 */
final class LinearScorer {

    /** Weights are stored as 16-bit integers scaled by the largest absolute weight; plenty for a softmax. */
    private static final int QUANTIZATION_STEPS = Short.MAX_VALUE;

    static {
        // Tribuo logs every training run at INFO; a person's retrain is routine
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private final List<String> labels;
    private final Map<String, Integer> index;
    /** Feature-major: {@code weights[feature * labels + label]}. */
    private final float[] weights;

    private final float scale;
    private final float[] bias;

    private LinearScorer(List<String> labels, Map<String, Integer> index, float[] weights, float scale, float[] bias) {
        this.labels = List.copyOf(labels);
        this.index = index;
        this.weights = weights;
        this.scale = scale;
        this.bias = bias;
    }

    static LinearScorer constant(String label) {
        return new LinearScorer(List.of(label), Map.of(), new float[0], 1f, new float[] {0f});
    }

    static LinearScorer train(List<Features.Vector> vectors, List<String> categories, long seed) {
        if (categories.stream().distinct().count() < 2) {
            return constant(categories.getFirst());
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("labelled expenses", factory), factory);
        for (int i = 0; i < vectors.size(); i++) {
            Features.Vector vector = vectors.get(i);
            dataset.add(new ArrayExample<>(new Label(categories.get(i)), vector.names(), vector.values()));
        }
        int n = vectors.size();
        int epochs = n < 2_000 ? 10 : n < 20_000 ? 5 : 3;
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.3, 0.1), epochs, Integer.MAX_VALUE, 1, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(dataset);
        return fromTribuo(model);
    }

    private static LinearScorer fromTribuo(LinearSGDModel model) {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        DenseMatrix matrix = model.getWeightsCopy(); // [label][feature], the bias in the last column
        int labelCount = outputs.size();
        int featureCount = features.size();
        List<String> labels = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            labels.add(outputs.getOutput(label).getLabel());
        }
        Map<String, Integer> index = HashMap.newHashMap(featureCount);
        float[] weights = new float[featureCount * labelCount];
        for (int feature = 0; feature < featureCount; feature++) {
            index.put(features.get(feature).getName(), feature);
            for (int label = 0; label < labelCount; label++) {
                weights[feature * labelCount + label] = (float) matrix.get(label, feature);
            }
        }
        float[] bias = new float[labelCount];
        for (int label = 0; label < labelCount; label++) {
            bias[label] = (float) matrix.get(label, featureCount);
        }
        // quantized at once, so that a model read back from its bytes suggests exactly what it did before
        float scale = scale(weights);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (short) Math.round(weights[i] / scale) * scale;
        }
        return new LinearScorer(labels, index, weights, scale, bias);
    }

    private static float scale(float[] weights) {
        float largest = 0f;
        for (float weight : weights) {
            largest = Math.max(largest, Math.abs(weight));
        }
        return largest == 0f ? 1f : largest / QUANTIZATION_STEPS;
    }

    List<String> labels() {
        return labels;
    }

    int features() {
        return index.size();
    }

    /** Softmax probabilities, in the order of {@link #labels()}. */
    double[] probabilities(Features.Vector vector) {
        int labelCount = labels.size();
        double[] scores = new double[labelCount];
        for (int label = 0; label < labelCount; label++) {
            scores[label] = bias[label];
        }
        String[] names = vector.names();
        double[] values = vector.values();
        for (int i = 0; i < names.length; i++) {
            Integer feature = index.get(names[i]);
            if (feature != null) {
                int offset = feature * labelCount;
                for (int label = 0; label < labelCount; label++) {
                    scores[label] += weights[offset + label] * values[i];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int label = 0; label < labelCount; label++) {
            scores[label] = Math.exp(scores[label] - max);
            sum += scores[label];
        }
        for (int label = 0; label < labelCount; label++) {
            scores[label] /= sum;
        }
        return scores;
    }

    /**
     * How much each word of the description pushes towards {@code label} rather than the average category: the sum of
     * its features' weights for the label minus their mean over the labels.
     */
    double[] wordEvidence(Features.Vector vector, int label) {
        int labelCount = labels.size();
        double[] evidence = new double[vector.words().size()];
        for (int i = 0; i < vector.names().length; i++) {
            int word = vector.word()[i];
            Integer feature = word == Features.NO_WORD ? null : index.get(vector.names()[i]);
            if (feature == null) {
                continue;
            }
            int offset = feature * labelCount;
            double mean = 0;
            for (int other = 0; other < labelCount; other++) {
                mean += weights[offset + other];
            }
            mean /= labelCount;
            evidence[word] += (weights[offset + label] - mean) * vector.values()[i];
        }
        return evidence;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeShort(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeFloat(scale);
        for (float b : bias) {
            out.writeFloat(b);
        }
        String[] names = new String[index.size()];
        index.forEach((name, feature) -> names[feature] = name);
        out.writeInt(names.length);
        int labelCount = labels.size();
        for (int feature = 0; feature < names.length; feature++) {
            out.writeUTF(names[feature]);
            for (int label = 0; label < labelCount; label++) {
                out.writeShort((short) Math.round(weights[feature * labelCount + label] / scale));
            }
        }
    }

    static LinearScorer read(DataInputStream in) throws IOException {
        int labelCount = in.readUnsignedShort();
        if (labelCount == 0) {
            throw new IOException("a scorer without categories");
        }
        List<String> labels = new ArrayList<>();
        for (int label = 0; label < labelCount; label++) {
            labels.add(in.readUTF());
        }
        float scale = in.readFloat();
        float[] bias = new float[labelCount];
        for (int label = 0; label < labelCount; label++) {
            bias[label] = in.readFloat();
        }
        int featureCount = in.readInt();
        if (featureCount < 0 || featureCount > 50_000_000 / labelCount) {
            throw new IOException("an implausible feature count " + featureCount);
        }
        Map<String, Integer> index = HashMap.newHashMap(featureCount);
        float[] weights = new float[featureCount * labelCount];
        for (int feature = 0; feature < featureCount; feature++) {
            index.put(in.readUTF(), feature);
            for (int label = 0; label < labelCount; label++) {
                weights[feature * labelCount + label] = in.readShort() * scale;
            }
        }
        return new LinearScorer(labels, index, weights, scale, bias);
    }
}
