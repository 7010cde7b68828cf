package com.financetracker.users.account;

import com.financetracker.platform.validation.CurrencyCode;
import com.financetracker.platform.validation.NoControlCharacters;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The request bodies of the account endpoints. */
final class AccountRequests {

    static final String PASSWORD_RULE = "must have 8 to 128 characters";

    private AccountRequests() {}

    record Register(
            @NotBlank @Email @Size(max = 254) String email,

            @NotNull @Size(min = 8, max = 128, message = PASSWORD_RULE)
            String password,

            @Nullable @Size(min = 1, max = 100) @NoControlCharacters
            String displayName) {

        Register {
            email = email == null ? null : email.strip();
            displayName = displayName == null ? null : displayName.strip();
        }
    }

    /** The editable part of a profile; {@code PATCH /users/me} merges into it. */
    record UpdateProfile(
            @NotBlank @Size(max = 100) @NoControlCharacters String displayName,

            @Nullable @CurrencyCode String defaultCurrency) {}

    record ChangePassword(
            @NotNull String currentPassword,

            @NotNull @Size(min = 8, max = 128, message = PASSWORD_RULE)
            String newPassword) {}

    record DeleteAccount(@NotNull String password) {}

    /** The part of an account an administrator edits; {@code PATCH /users/{id}} merges into it. */
    record AdminUpdate(
            @NotEmpty Set<@NotNull Role> roles, @NotNull Boolean disabled) {}
}
