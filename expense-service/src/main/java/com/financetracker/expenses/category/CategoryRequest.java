package com.financetracker.expenses.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category's editable state: its name, 1 to 50 characters, unique per user whatever the case. */
record CategoryRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name) {

    CategoryRequest {
        name = name == null ? null : name.strip();
    }
}
