package com.financetracker.insights.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalizes bank and card descriptions: lower case, without card-terminal prefixes ("POS", "SQ *", "PAYPAL *", "CRD",
 * "CARD 1234"), store numbers, dates, references and state or country codes.
 */
public final class Descriptions {

    private static final Pattern TERMINAL_PREFIX = Pattern.compile(
            "^(?:(?:pos debit|pos|crd|card \\d{4}|card|visa|debit card purchase|debit|purchase|ec|sq|tst|paypal|pp|"
                    + "dd|sp|ach|checkcard|recurring)\\b\\s*[*:#-]?\\s*)+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}#]+");
    private static final Set<String> NOISE = Set.of("ref", "com", "www", "the", "inc", "us", "usa", "de", "gb", "uk");
    private static final Set<String> REGION_CODES = Set.of(
            "al", "ak", "az", "ar", "ca", "co", "ct", "dc", "fl", "ga", "hi", "il", "in", "ia", "ks", "ky", "la", "md",
            "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa",
            "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "be", "by", "hh", "nw", "fr", "nl",
            "at", "ch", "es", "it", "ie");
    private static final int MERCHANT_KEY_WORDS = 3;

    private Descriptions() {}

    /** The words of a description that carry meaning, in order: no prefixes, numbers, references or region codes. */
    public static List<String> words(String description) {
        return clean(description).words();
    }

    /**
     * The merchant a description names, as a short stable key ("whole foods market" for "POS WHOLE FOODS MARKET #10234
     * AUSTIN TX 11/23"): the first words before any number, at most three.
     */
    public static String merchantKey(String description) {
        return clean(description).merchantKey();
    }

    /** The words of a description and its merchant key, in one pass. */
    record Cleaned(List<String> words, List<String> beforeFirstNumber) {

        String merchantKey() {
            List<String> head = beforeFirstNumber.isEmpty() ? words : beforeFirstNumber;
            return String.join(" ", head.subList(0, Math.min(MERCHANT_KEY_WORDS, head.size())));
        }
    }

    static Cleaned clean(String description) {
        String text = description.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        text = TERMINAL_PREFIX.matcher(text.strip()).replaceFirst("");
        List<String> words = new ArrayList<>();
        List<String> beforeFirstNumber = new ArrayList<>();
        boolean numberSeen = false;
        for (String token : SEPARATORS.split(text)) {
            if (token.isEmpty()) {
                continue;
            }
            if (hasDigitOrHash(token)) {
                numberSeen = true;
                continue;
            }
            if (token.length() < 2 || NOISE.contains(token)) {
                continue;
            }
            words.add(token);
            if (!numberSeen) {
                beforeFirstNumber.add(token);
            }
        }
        dropTrailingRegionCode(words);
        dropTrailingRegionCode(beforeFirstNumber);
        return new Cleaned(List.copyOf(words), List.copyOf(beforeFirstNumber));
    }

    private static boolean hasDigitOrHash(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c) || c == '#') {
                return true;
            }
        }
        return false;
    }

    private static void dropTrailingRegionCode(List<String> words) {
        if (words.size() > 1 && REGION_CODES.contains(words.getLast())) {
            words.removeLast();
        }
    }
}
