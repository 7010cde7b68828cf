package com.financetracker.expenses.category;

import static com.financetracker.expenses.config.ProblemAssertions.assertInvalidField;
import static com.financetracker.expenses.config.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.financetracker.expenses.category.CategoryProblems.CategoryExistsException;
import com.financetracker.expenses.category.CategoryProblems.CategoryInUseException;
import com.financetracker.expenses.category.CategoryProblems.CategoryNotFoundException;
import com.financetracker.expenses.config.ExpenseWebMvcTest;
import com.financetracker.platform.test.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** How the category endpoints read requests and answer problems; what the service does is mocked. */
@ExpenseWebMvcTest(CategoryController.class)
class CategoryControllerTest {

    private static final UUID USER = UUID.randomUUID();
    private static final String TOKEN = TestTokens.user(USER);
    private static final UUID ID = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CategoryService categories;

    @Test
    void listsCategoriesWithTheirExpenseCounts() {
        when(categories.list(USER)).thenReturn(List.of(new Category(ID, "Food", 2)));

        MvcTestResult result = mvc.get()
                .uri("/categories")
                .header("Authorization", "Bearer " + TOKEN)
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .isStrictlyEqualTo("[{\"id\":\"%s\",\"name\":\"Food\",\"expenseCount\":2}]".formatted(ID));
    }

    @Test
    void createsATrimmedCategoryAndSaysWhereItIs() {
        when(categories.create(USER, new CategoryRequest("Pets"))).thenReturn(new Category(ID, "Pets", 0));

        MvcTestResult result = create("{\"name\":\"  Pets  \"}");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).hasHeader("Location", "/categories/" + ID);
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Pets");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                          | name   | must not be blank",
                "{\"name\":\"   \"}                                          | name   | must not be blank",
                "{\"name\":\"ccccccccccccccccccccccccccccccccccccccccccccccccccc\"} | name | size must be between 0 and 50",
                "{\"name\":\"tab\\tinside\"}                                 | name   | must not contain control characters",
                "{\"name\":\"Pets\",\"colour\":\"red\"}                      | colour | is not a known field",
                "{\"name\":[\"Pets\"]}                                       | name   | must be a string",
            })
    void refusesAnInvalidCategoryNamingTheField(String body, String field, String message) {
        MvcTestResult result = create(body);

        assertInvalidField(result, field, message);
        verifyNoInteractions(categories);
    }

    @Test
    void aNameTakenInAnyCaseIsAConflict() {
        when(categories.create(any(), any())).thenThrow(new CategoryExistsException("pets"));

        MvcTestResult result = create("{\"name\":\"pets\"}");

        assertProblem(result, 409, "category-exists");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("You already have a category named 'pets'");
    }

    @Test
    void renamesWithAMergePatch() {
        when(categories.rename(eq(USER), eq(ID), any())).thenReturn(new Category(ID, "Groceries", 3));

        MvcTestResult result = rename(ID, "application/merge-patch+json", "{\"name\":\"Groceries\"}");

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .isStrictlyEqualTo("{\"id\":\"%s\",\"name\":\"Groceries\",\"expenseCount\":3}".formatted(ID));
    }

    @Test
    void anotherUsersOrAMissingCategoryIsNotFound() {
        when(categories.rename(any(), eq(ID), any())).thenThrow(CategoryNotFoundException.forId(ID));

        MvcTestResult result = rename(ID, "application/merge-patch+json", "{\"name\":\"x\"}");

        assertProblem(result, 404, "not-found");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No category with id " + ID);
    }

    @Test
    void aPatchInAnotherFormatIsRefused() {
        assertProblem(rename(ID, "text/plain", "name=x"), 415, "unsupported-media-type");
        verifyNoInteractions(categories);
    }

    @Test
    void deletingACategoryInUseNamesHowManyExpensesUseIt() {
        doThrow(new CategoryInUseException(3)).when(categories).delete(USER, ID, null);

        MvcTestResult result = delete("/categories/" + ID);

        assertProblem(result, 409, "category-in-use");
        assertThat(result).bodyJson().extractingPath("$.expenseCount").isEqualTo(3);
    }

    @Test
    void deletesWithTheCategoryTheExpensesMoveTo() {
        UUID other = UUID.randomUUID();

        assertThat(delete("/categories/" + ID + "?reassignTo=" + other)).hasStatus(HttpStatus.NO_CONTENT);

        verify(categories).delete(USER, ID, other);
    }

    @Test
    void idsMustBeUuids() {
        MvcTestResult badTarget = delete("/categories/" + ID + "?reassignTo=nope");
        MvcTestResult badId = delete("/categories/not-a-uuid");

        assertInvalidField(badTarget, "reassignTo", "must be a UUID");
        assertInvalidField(badId, "id", "must be a UUID");
        verifyNoInteractions(categories);
    }

    private MvcTestResult create(String body) {
        return mvc.post()
                .uri("/categories")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .content(body)
                .exchange();
    }

    private MvcTestResult rename(UUID id, String type, String body) {
        return mvc.patch()
                .uri("/categories/" + id)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", type)
                .content(body)
                .exchange();
    }

    private MvcTestResult delete(String uri) {
        return mvc.delete().uri(uri).header("Authorization", "Bearer " + TOKEN).exchange();
    }
}
