package com.financetracker.insights.suggestion;

import java.util.List;

/**
 * Up to three categories for an expense, most likely first.
 *
 * @param suggestions each category with how likely it is (0 to 1) and the words of the description that point to it
 * @param modelVersion the version of the person's model that made them: how many times it was trained (0 before the
 *     person has any expense, when suggestions come from the model every person starts with)
 */
record SuggestionResponse(List<CategorySuggestion> suggestions, int modelVersion) {

    record CategorySuggestion(String category, double confidence, List<String> because) {}
}
