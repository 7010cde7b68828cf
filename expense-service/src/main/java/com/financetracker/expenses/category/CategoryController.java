package com.financetracker.expenses.category;

import com.financetracker.platform.security.AuthenticatedUser;
import com.financetracker.platform.web.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Categories", description = "The defaults every user starts with, plus their own")
@RestController
@RequestMapping("/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(summary = "List your categories with how many expenses use each")
    @GetMapping
    List<CategoryResponse> list(AuthenticatedUser user) {
        return categories.list(user.id()).stream().map(CategoryResponse::of).toList();
    }

    @Operation(summary = "Create a category", description = "409 when you already have one of that name (any case).")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CategoryResponse> create(AuthenticatedUser user, @Valid @RequestBody CategoryRequest request) {
        CategoryResponse created = CategoryResponse.of(categories.create(user.id(), request));
        return ResponseEntity.created(URI.create("/categories/" + created.id())).body(created);
    }

    @Operation(summary = "Rename a category", description = "A JSON merge patch of {name}.")
    @PatchMapping(
            path = "/{id}",
            consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    CategoryResponse rename(AuthenticatedUser user, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return CategoryResponse.of(categories.rename(user.id(), id, patch));
    }

    @Operation(
            summary = "Delete a category",
            description = "A category that expenses use needs reassignTo: the id of the category they move to.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            AuthenticatedUser user, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID reassignTo) {
        categories.delete(user.id(), id, reassignTo);
        return ResponseEntity.noContent().build();
    }
}
