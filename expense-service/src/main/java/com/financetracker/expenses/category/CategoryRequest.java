package com.financetracker.expenses.category;

import com.financetracker.platform.validation.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A category's editable state: its name, 1 to 50 characters, unique per user whatever the case. */
record CategoryRequest(
        @NotBlank @Size(max = 50) @NoControlCharacters String name) {

    CategoryRequest {
        name = name == null ? null : name.strip();
    }
}
